using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry;

public class WorkspaceTests
{
    [Fact]
    public void OpenCreatesFolderDatabaseInWalModeAndLatestSchema()
    {
        using var temp = new TempWorkspace();
        var ws = temp.Workspace;
        Assert.True(File.Exists(ws.DatabasePath));
        Assert.True(Directory.Exists(ws.ModelsFolder));
        Assert.Equal(Path.Combine(temp.Folder, "vigil.db"), ws.DatabasePath);
        using var connection = ws.ConnectForTests();
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal("1", Pragma(connection, "foreign_keys"));
        Assert.Equal(SchemaMigrations.Latest.ToString(System.Globalization.CultureInfo.InvariantCulture), Pragma(connection, "user_version"));
    }

    [Theory]
    [InlineData(WorkspaceDurability.Full, "2")]
    [InlineData(WorkspaceDurability.Normal, "1")]
    public void DurabilityChoosesWhetherCommitsWaitForTheDisk(WorkspaceDurability durability, string synchronous)
    {
        using var folder = new FreshFolder();
        using var ws = VigilWorkspace.Open(folder.Root, durability: durability);
        using var connection = ws.ConnectForTests();
        Assert.Equal(synchronous, Pragma(connection, "synchronous"));
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
    }

    [Fact]
    public void ReopeningIsIdempotentAndKeepsData()
    {
        using var temp = new TempWorkspace();
        temp.Workspace.Registry.RegisterVersion("churn", temp.MakeBundle(), RegistryTestData.Info());
        for (var i = 0; i < 3; i++)
        {
            temp.Reopen();
        }

        Assert.Single(temp.Workspace.Registry.ListVersions("churn"));
        using var connection = temp.Workspace.ConnectForTests();
        Assert.Equal(SchemaMigrations.Latest, WorkspaceDatabase.ReadVersion(connection));
    }

    [Fact]
    public void OldDatabaseIsMigratedKeepingItsRows()
    {
        // A version-1 database, as an older Vigil left it: registry tables only, one event row.
        using var folder = new FreshFolder();
        folder.OldDatabase(1, connection =>
        {
            connection.Execute(null,
                "INSERT INTO registry_events (time, model, kind, reason, actor) VALUES (0, 'm', 'kept', 'old', 'me')");
            Assert.Equal(1, WorkspaceDatabase.ReadVersion(connection));
        });

        using var ws = VigilWorkspace.Open(folder.Root);
        Assert.Equal("old", Assert.Single(ws.Registry.Events("m")).Reason);
        Assert.Equal(0, ws.Store.CountPredictions("m"));
    }

    [Fact]
    public void Version2ChecksGetTheirLabelledRowsFromTheStoredResult()
    {
        using var folder = new FreshFolder();
        folder.OldDatabase(2, connection =>
        {
            const string insert = "INSERT INTO checks (model, model_version, ran_at, window_start, window_end, rows, alarm, status, result_json) VALUES ('m', 1, $t, NULL, NULL, 500, 0, 'ok', $json)";
            connection.Execute(null, insert, ("$t", 1L), ("$json", """{"performance":{"rows":37,"metrics":[]},"drift":[]}"""));
            connection.Execute(null, insert, ("$t", 2L), ("$json", """{"performance":null}"""));
            connection.Execute(null, insert, ("$t", 3L), ("$json", "not json"));
        });

        using var ws = VigilWorkspace.Open(folder.Root);
        Assert.Equal([0, 0, 37], ws.Store.ListChecks("m").Select(c => c.LabelledRows));
        Assert.Equal(37, ws.Store.CountLabelledRowsChecked("m", null));
        Assert.Equal(0, ws.Store.CountLabelledRowsChecked("m", new DateTimeOffset(2, TimeSpan.Zero)));
    }

    [Fact]
    public void Version3RetrainRunsWithoutAStartMarkAreJudgedByTheirProcessId()
    {
        // Rows written before owners had start marks: a live id other than ours keeps its run, a dead id or our own
        // id (this process writes marks, so an unmarked row is an earlier process's) loses it.
        using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            using var folder = new FreshFolder();
            folder.OldDatabase(3, connection =>
            {
                const string insert = "INSERT INTO retrain_runs (model, requested_at, reason, status, owner_process) VALUES ('m', $t, $r, 'running', $pid)";
                connection.Execute(null, insert, ("$t", 1L), ("$r", "live"), ("$pid", child.Id));
                connection.Execute(null, insert, ("$t", 2L), ("$r", "ours"), ("$pid", Environment.ProcessId));
                connection.Execute(null, insert, ("$t", 3L), ("$r", "dead"), ("$pid", int.MaxValue));
            });

            using var ws = VigilWorkspace.Open(folder.Root);
            var status = ws.Store.ListRetrains("m").ToDictionary(r => r.Reason, r => r.Status);
            Assert.Equal(Vigil.Monitoring.Store.RetrainStatus.Running, status["live"]);
            Assert.Equal(Vigil.Monitoring.Store.RetrainStatus.Abandoned, status["ours"]);
            Assert.Equal(Vigil.Monitoring.Store.RetrainStatus.Abandoned, status["dead"]);
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
        }
    }

    [Fact]
    public void NewerSchemaIsRefusedWithClearMessage()
    {
        using var temp = new TempWorkspace();
        using (var connection = temp.Workspace.ConnectForTests())
        {
            connection.Execute(null, "PRAGMA user_version = 99");
        }

        var error = Assert.Throws<WorkspaceInputException>(() => temp.Reopen());
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonDatabaseFileIsAUserError()
    {
        using var folder = new FreshFolder();
        File.WriteAllText(folder.DatabasePath, new string('x', 4096));
        Assert.Throws<WorkspaceInputException>(() => VigilWorkspace.Open(folder.Root));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("trailing\n")]
    public void InvalidModelNamesAreRejected(string name)
    {
        using var temp = new TempWorkspace();
        var error = Assert.Throws<WorkspaceInputException>(() => temp.Workspace.Registry.ListVersions(name));
        Assert.Contains("Invalid model name", error.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceInputException>(() => temp.Workspace.Store.CountPredictions(name));
    }

    [Fact]
    public void NameRuleAcceptsUpTo64Characters()
    {
        Assert.True(ModelName.IsValid("churn-v2.model_A"));
        Assert.True(ModelName.IsValid(new string('a', 64)));
        Assert.False(ModelName.IsValid(new string('a', 65)));
    }

    private static string Pragma(SqliteConnection connection, string name) =>
        Convert.ToString(connection.Scalar(null, $"PRAGMA {name}"), System.Globalization.CultureInfo.InvariantCulture)!;

    /// <summary>An empty folder for a workspace, deleted (with SQLite's pooled handles released) at the end.</summary>
    private sealed class FreshFolder : IDisposable
    {
        public string Root { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"))).FullName;

        public string DatabasePath => Path.Combine(Root, "vigil.db");

        /// <summary>A database at schema <paramref name="version"/>, as an older Vigil left it, seeded by <paramref name="seed"/>.</summary>
        public void OldDatabase(int version, Action<SqliteConnection> seed)
        {
            using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
            connection.Open();
            WorkspaceDatabase.Migrate(connection, target: version);
            seed(connection);
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Root, recursive: true);
        }
    }
}
