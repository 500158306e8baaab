namespace Vigil.Monitoring;
internal static class Placeholder { }
