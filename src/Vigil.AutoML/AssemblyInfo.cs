namespace Vigil.AutoML;
internal static class AssemblyMarker { }
