using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

/// <summary><c>--store</c> on every workspace command, <c>vigil migrate</c>, and <c>--workspace</c> with <c>--store</c> refused (#19).</summary>
public sealed class StoreOptionTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public void StoreSqliteFolderIsTheSameAsWorkspace()
    {
        var byWorkspace = CliRunner.Run("models", "-w", trained.Workspace);
        var byStore = CliRunner.Run("models", "--store", "sqlite:" + trained.Workspace);
        Assert.True(byStore.ExitCode == 0, byStore.Stderr);
        Assert.Equal(byWorkspace.Stdout, byStore.Stdout);
        Assert.Contains("│ m ", byStore.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models")]
    [InlineData("check", "-m", "m", "--data", "DATA")]
    [InlineData("report", "-m", "m", "--json", "OUT")]
    [InlineData("migrate")]
    [InlineData("serve")]
    public void WorkspaceAndStoreTogetherAreRefusedInOneLine(params string[] command)
    {
        var ws = trained.Copy();
        var args = command.Select(a => a switch
        {
            "DATA" => trained.TrainCsv,
            "OUT" => trained.PathOf("r-" + Guid.NewGuid().ToString("N") + ".json"),
            _ => a,
        }).Concat(["-w", ws, "--store", "sqlite:" + ws]).ToArray();
        var error = CliRunner.AssertOneLineError(CliRunner.Run(args));
        Assert.Contains("--workspace", error, StringComparison.Ordinal);
        Assert.Contains("--store", error, StringComparison.Ordinal);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MigratePrintsTheVersionsAndThenThatItIsUpToDate()
    {
        var fresh = trained.PathOf("fresh-" + Guid.NewGuid().ToString("N")[..8]);
        var first = CliRunner.Run("migrate", "--store", "sqlite:" + fresh);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches(@"^sqlite:.*: schema version 0 -> \d+ \(\d+ migrations applied\)\.\s*$", first.Stdout);
        var again = CliRunner.Run("migrate", "-w", fresh);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Matches(@"schema version \d+, up to date\.", again.Stdout);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("models")]
    [InlineData("serve")]
    public void ADatabaseOfANewerVigilIsRefusedWithExitCode2(string command)
    {
        var ws = trained.Copy();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(ws, "vigil.db")};Pooling=False"))
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA user_version = 999";
            pragma.ExecuteNonQuery();
        }

        string[] args = command == "serve" ? [command, "--store", "sqlite:" + ws, "--urls", "http://127.0.0.1:0"] : [command, "--store", "sqlite:" + ws];
        var error = CliRunner.AssertOneLineError(CliRunner.Run(args));
        Assert.Contains("newer", error, StringComparison.Ordinal);
        Assert.Contains("999", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownSchemeIsRefusedWithoutEchoingIt()
    {
        var error = CliRunner.AssertOneLineError(CliRunner.Run("models", "--store", "mysql://root:s3cret@db/vigil"));
        Assert.Contains("--store", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error, StringComparison.Ordinal);
    }
}
