namespace Vigil.Statistics;
internal static class AssemblyMarker { }
