namespace Vigil.Statistics;
internal static class Placeholder { }
