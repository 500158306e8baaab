namespace Vigil.Server.Tests;
internal static class Placeholder { }
