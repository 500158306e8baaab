using Microsoft.Data.Sqlite;
using Vigil.Data.Tables;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry;

public class ModelRegistryTests
{
    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void RegisterCopiesBundleNumbersVersionsAndFirstBecomesChampion(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var registry = temp.Workspace.Registry;
        var v1 = registry.RegisterVersion("churn", temp.MakeBundle("one"), RegistryTestData.Info(profile: """{"columns":[]}"""));
        temp.Clock.Advance(TimeSpan.FromHours(1));
        var v2 = registry.RegisterVersion("churn", temp.MakeBundle("two"), RegistryTestData.Info("retrain", parent: 1));

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.True(v1.IsChampion);
        Assert.False(v2.IsChampion);
        Assert.Equal(1, registry.GetChampion("churn")!.Version);
        if (temp.IsSqlite)
        {
            Assert.Equal(Path.Combine(temp.Workspace.ModelsFolder, "churn", "2"), v2.BundleFolder);
        }

        Assert.Equal("two", File.ReadAllText(Path.Combine(v2.BundleFolder, "model.zip")));
        Assert.Equal("notes", File.ReadAllText(Path.Combine(v2.BundleFolder, "extra", "notes.txt")));
        Assert.Equal("""{"columns":[]}""", File.ReadAllText(v1.ProfilePath!));
        Assert.Null(v2.ProfilePath);
        Assert.Equal(0.91, v2.Metrics["auc"]);
        Assert.Equal(1, v2.ParentVersion);
        Assert.Equal(temp.Clock.GetUtcNow(), v2.CreatedAt);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), v2.TrainingWindowStart);
        Assert.Equal(["churn"], registry.ListModels());
        Assert.Equal([1, 2], registry.ListVersions("churn").Select(v => v.Version));

        var kinds = registry.Events("churn").Select(e => e.Kind).ToArray();
        Assert.Equal([RegistryEventKind.Registered, RegistryEventKind.Promoted, RegistryEventKind.Registered], kinds);
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void FirstVersionStaysChallengerWhenInfoSaysSo(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var v1 = temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info(champion: false));
        Assert.False(v1.IsChampion);
        Assert.Null(temp.Workspace.Registry.GetChampion("m"));
        var v2 = temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info(champion: true));
        Assert.True(v2.IsChampion);
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void PromoteAndRollbackFollowTheHistoryAsAStack(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var registry = temp.Workspace.Registry;
        for (var i = 0; i < 3; i++)
        {
            registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        }

        registry.Promote("m", 2, "better auc", "retrain");
        registry.Promote("m", 3, "better again", "retrain");
        Assert.Equal(2, registry.Rollback("m", "bad in prod", "alice").Version);
        Assert.Equal(1, registry.Rollback("m", "still bad", "alice").Version);
        var error = Assert.Throws<WorkspaceInputException>(() => registry.Rollback("m", "again", "alice"));
        Assert.Contains("no earlier champion", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, registry.GetChampion("m")!.Version);

        var rolled = registry.Events("m").Where(e => e.Kind == RegistryEventKind.RolledBack).ToArray();
        Assert.Equal((3, 2), (rolled[0].FromVersion!.Value, rolled[0].ToVersion!.Value));
        Assert.Equal("alice", rolled[0].Actor);
        Assert.Equal("bad in prod", rolled[0].Reason);
        Assert.Single(registry.ListVersions("m"), v => v.IsChampion);

        var kept = registry.RecordKept("m", 3, "not better", "retrain");
        Assert.Equal((RegistryEventKind.Kept, 1, 3), (kept.Kind, kept.FromVersion!.Value, kept.ToVersion!.Value));
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void PromotingTheChampionOrAnUnknownVersionIsAUserError(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var registry = temp.Workspace.Registry;
        registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        Assert.Throws<WorkspaceInputException>(() => registry.Promote("m", 1, "r", "a"));
        var error = Assert.Throws<WorkspaceInputException>(() => registry.GetVersion("m", 7));
        Assert.Equal("Model 'm' has no version 7; versions: 1, 2.", error.Message);
        Assert.Throws<WorkspaceInputException>(() => registry.Promote("m", 7, "r", "a"));
        var unknown = Assert.Throws<WorkspaceInputException>(() => registry.GetVersion("other", 1));
        Assert.Contains("not registered", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceInputException>(() => registry.Rollback("other", "r", "a"));
        Assert.Throws<WorkspaceInputException>(
            () => registry.RegisterVersion("m", Path.Combine(temp.Root, "missing"), RegistryTestData.Info()));
        Assert.Throws<WorkspaceInputException>(
            () => registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info(parent: 9)));
        Assert.Equal(2, registry.ListVersions("m").Count);
        if (temp.IsSqlite)
        {
            Assert.Equal(["1", "2"], Directory.GetDirectories(Path.Combine(temp.Workspace.ModelsFolder, "m")).Select(Path.GetFileName).Order());
        }
    }

    [Fact]
    public void SchemaAllowsOnlyOneChampionRowPerModel()
    {
        using var temp = new TempWorkspace();
        temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        using var connection = temp.Workspace.ConnectForTests();
        Assert.Throws<SqliteException>(() =>
            connection.Execute(null, "INSERT INTO champions (model, version, since) VALUES ('m', 2, 0)"));
        Assert.Throws<SqliteException>(() =>
            connection.Execute(null, "UPDATE champions SET version = 9 WHERE model = 'm'"));
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void CrashBetweenCopyAndInsertLeavesNoHalfRegisteredVersion(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var registry = temp.Workspace.Registry;
        registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        temp.BeforeInsert(() => throw new IOException("simulated crash"));
        Assert.Throws<IOException>(() => registry.RegisterVersion("m", temp.MakeBundle("other bytes"), RegistryTestData.Info(champion: true)));
        temp.BeforeInsert(null);

        Assert.Single(registry.ListVersions("m"));
        Assert.Equal(1, registry.GetChampion("m")!.Version);
        Assert.Equal([RegistryEventKind.Registered, RegistryEventKind.Promoted], registry.Events("m").Select(e => e.Kind));
        if (temp.IsSqlite)
        {
            Assert.Equal(["1"], Directory.GetDirectories(Path.Combine(temp.Workspace.ModelsFolder, "m")).Select(Path.GetFileName));
        }
        else
        {
            Assert.Equal(1L, PostgresRows.Count(temp, "bundles")); // the failed version's bundle went with its transaction
        }

        Assert.Equal(2, registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info()).Version);
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void ConcurrentRegistrationsFromSeveralNodesGetDistinctVersions(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        var nodes = Enumerable.Range(0, 4).Select(i => temp.OpenNode("node-" + i)).ToArray();
        var bundles = Enumerable.Range(0, 12).Select(i => temp.MakeBundle("bytes " + i)).ToArray();
        using var start = new Barrier(nodes.Length);
        var versions = nodes.AsParallel().WithDegreeOfParallelism(nodes.Length).SelectMany((node, n) =>
        {
            start.SignalAndWait();
            return Enumerable.Range(0, 3).Select(i => node.Registry.RegisterVersion("m", bundles[(n * 3) + i], RegistryTestData.Info("n" + n)).Version).ToList();
        }).ToList();

        Assert.Equal(Enumerable.Range(1, 12), versions.Order());
        Assert.Equal(1, temp.Registry.GetChampion("m")!.Version);
        Assert.Single(temp.Registry.ListVersions("m"), v => v.IsChampion);
        Assert.Equal(12, temp.Registry.Events("m").Count(e => e.Kind == RegistryEventKind.Registered));
        // Every version holds the files it was registered with, whichever node reads it.
        foreach (var v in nodes[^1].Registry.ListVersions("m"))
        {
            var content = File.ReadAllText(Path.Combine(v.BundleFolder, "model.zip"));
            Assert.StartsWith("bytes ", content, StringComparison.Ordinal);
        }

        Assert.Equal(12, nodes[^1].Registry.ListVersions("m").Select(v => File.ReadAllText(Path.Combine(v.BundleFolder, "model.zip"))).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(BackendWorkspace.Backends), MemberType = typeof(BackendWorkspace))]
    public void APromotionIsSeenByEveryNodeAndRollbackSwapsBack(string backend)
    {
        using var temp = new BackendWorkspace(backend);
        temp.Registry.RegisterVersion("m", temp.MakeBundle("one"), RegistryTestData.Info());
        temp.Registry.RegisterVersion("m", temp.MakeBundle("two"), RegistryTestData.Info());
        var other = temp.OpenNode("node2");
        other.Registry.Promote("m", 2, "better", "alice");
        Assert.Equal(2, temp.Registry.GetChampion("m")!.Version);
        Assert.Equal("two", File.ReadAllText(Path.Combine(temp.Registry.GetChampion("m")!.BundleFolder, "model.zip")));
        temp.Registry.Rollback("m", "worse in prod", "bob");
        Assert.Equal(1, other.Registry.GetChampion("m")!.Version);
        Assert.Equal("one", File.ReadAllText(Path.Combine(other.Registry.GetChampion("m")!.BundleFolder, "model.zip")));
    }

    [Fact]
    public void LeftoversOfAKilledProcessAreCleanedOnOpen()
    {
        using var temp = new TempWorkspace();
        temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info());
        var modelFolder = Path.Combine(temp.Workspace.ModelsFolder, "m");
        // A dead process's half copy (pid beyond any pid_max) and a renamed folder whose insert never committed.
        var incoming = Path.Combine(modelFolder, ".incoming-999999999-0123abcd");
        var orphan = Path.Combine(modelFolder, "2");
        var live = Path.Combine(modelFolder, $".incoming-{Environment.ProcessId}-live");
        foreach (var folder in new[] { incoming, orphan, live })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "model.zip"), "partial");
        }

        temp.Reopen();
        Assert.False(Directory.Exists(incoming));
        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(live)); // a live process may still be copying
        Assert.True(Directory.Exists(Path.Combine(modelFolder, "1")));
        Assert.Equal(2, temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info()).Version);
    }

    [Fact]
    public void FingerprintIsDeterministicAndSensitiveToContent()
    {
        static Table Make(double x, string c, string name = "x") => new(
        [
            new NumericColumn(name, [1.5, double.NaN, x]),
            CategoricalColumn.FromValues("c", ["a", null, c]),
            new BooleanColumn("b", [true, null, false]),
        ]);

        var a = DataFingerprint.Compute(Make(3, "z"));
        Assert.Equal(64, a.Length);
        Assert.Equal(a, DataFingerprint.Compute(Make(3, "z")));
        Assert.NotEqual(a, DataFingerprint.Compute(Make(4, "z")));
        Assert.NotEqual(a, DataFingerprint.Compute(Make(3, "y")));
        Assert.NotEqual(a, DataFingerprint.Compute(Make(3, "z", name: "x2")));
        // Same values, different category order in the dictionary: same fingerprint.
        var reordered = new Table(
        [
            new NumericColumn("x", [1.5, double.NaN, 3]),
            new CategoricalColumn("c", [1, -1, 0], ["z", "a"]),
            new BooleanColumn("b", [true, null, false]),
        ]);
        Assert.Equal(a, DataFingerprint.Compute(reordered));
    }
}
