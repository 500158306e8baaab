namespace Vigil.AutoML;
internal static class Placeholder { }
