namespace Vigil.Data;
internal static class AssemblyMarker { }
