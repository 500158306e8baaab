using Vigil.Monitoring.Registry;

namespace Vigil.Monitoring.Tests.Registry;

internal static class RegistryTestData
{
    public static ModelVersionInfo Info(string reason = "first", bool? champion = null, int? parent = null, string? profile = null) =>
        new("LightGbm", """{"leaves":31}""", new Dictionary<string, double> { ["auc"] = 0.91, ["logloss"] = 0.3 },
            "abc123", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
            1000, parent, "vigil train", reason, profile, champion);
}
