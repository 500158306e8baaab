using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Registry.Bundles;
using Vigil.Monitoring.Tests.Models;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>
/// Bundles reachable from every node (#19): a model registered through one node of a PostgreSQL workspace is
/// fetched by another node into its empty cache, verified, and scores exactly the same; a changed cache entry or a
/// changed database copy is never used.
/// </summary>
public sealed class BundleRoundTripTests
{
    private static Table Reference => ModelFixtures.Csv(ModelFixtures.Path("churn-columns.reference.csv"));

    private static Table Holdout => ModelFixtures.Csv(ModelFixtures.Path("churn-columns.data.csv"));

    [SkippableFact]
    public void AModelRegisteredOnOneNodeScoresIdenticallyOnAnotherWithAnEmptyCache()
    {
        using var temp = new BackendWorkspace("postgres");
        var registered = ModelRegistration.Register(temp.Workspace, "churn", Onnx());
        var expected = VigilMonitor.Open(temp.OpenNode("node1b", temp.CacheOf("node1"))).ChampionModel("churn").Predict(Holdout).Values;

        var node2 = temp.OpenNode("node2");
        Assert.False(Directory.Exists(temp.CacheOf("node2")) && Directory.EnumerateFileSystemEntries(temp.CacheOf("node2")).Any());
        using var monitor = VigilMonitor.Open(node2);
        var champion = node2.Registry.GetChampion("churn")!;
        Assert.StartsWith(temp.CacheOf("node2"), champion.BundleFolder, StringComparison.Ordinal);
        var scores = monitor.ChampionModel("churn").Predict(Holdout).Values;

        Assert.Equal(expected, scores);
        Assert.Equal(File.ReadAllBytes(Path.Combine(registered.Version.BundleFolder, "model.onnx")), File.ReadAllBytes(Path.Combine(champion.BundleFolder, "model.onnx")));
        Assert.Equal(Path.GetFileName(champion.BundleFolder), BundlePack.Hash(champion.BundleFolder));
        Assert.True(champion.HasProfile);
        Assert.True(File.Exists(champion.ProfilePath));
    }

    [SkippableFact]
    public void ATamperedCacheEntryIsDetectedAndNeverUsed()
    {
        using var temp = new BackendWorkspace("postgres");
        ModelRegistration.Register(temp.Workspace, "churn", Onnx());
        var expected = VigilMonitor.Open(temp.OpenNode("node2")).ChampionModel("churn").Predict(Holdout).Values;
        var folder = Path.Combine(temp.CacheOf("node2"), BundleHash(temp));
        var onnx = Path.Combine(folder, "model.onnx");
        var original = File.ReadAllBytes(onnx);
        var damaged = (byte[])original.Clone();
        damaged[^10] ^= 0xFF;
        File.WriteAllBytes(onnx, damaged);

        // The node restarts on the same cache folder: the entry no longer hashes to its name, so it is fetched again.
        using var restarted = VigilMonitor.Open(temp.OpenNode("node2-restarted", temp.CacheOf("node2")));
        Assert.Equal(expected, restarted.ChampionModel("churn").Predict(Holdout).Values);
        Assert.Equal(original, File.ReadAllBytes(onnx));
    }

    [SkippableFact]
    public void ABundleChangedInTheDatabaseIsAClearErrorAndNothingIsCached()
    {
        using var temp = new BackendWorkspace("postgres");
        ModelRegistration.Register(temp.Workspace, "churn", Onnx());
        // One byte changed (in the first file's header, so it can never be a no-op padding byte).
        PostgresRows.Execute(temp, "UPDATE bundles SET content = set_byte(content, 100, (get_byte(content, 100) + 1) % 256)");

        var node = temp.OpenNode("node3");
        var champion = node.Registry.GetChampion("churn")!;
        var error = Assert.Throws<BundleIntegrityException>(() => champion.BundleFolder);
        Assert.Contains(BundleHash(temp), error.Message, StringComparison.Ordinal);
        Assert.Contains("not used", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(temp.CacheOf("node3")));
    }

    private static string BundleHash(BackendWorkspace temp) =>
        (string)PostgresRows.Execute(temp, "SELECT bundle_sha256 FROM model_versions WHERE model = 'churn' AND version = 1")!;

    private static RegistrationRequest Onnx() => new()
    {
        Kind = ModelKind.Onnx, ModelFile = ModelFixtures.Path("churn-columns.onnx"), Reference = Reference, Label = "churn",
    };
}
