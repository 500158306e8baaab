using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>Vigil:Store / --store values, and <c>vigil migrate</c> on SQLite (#19).</summary>
public sealed class WorkspaceLocationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NothingMeansTheDefaultFolder(string? text)
    {
        var location = WorkspaceLocation.Parse(text);
        Assert.Equal(WorkspaceBackend.Sqlite, location.Backend);
        Assert.Equal(Path.GetFullPath(".vigil"), location.Folder);
    }

    [Theory]
    [InlineData("sqlite:ws", "ws")]
    [InlineData("SQLite:/tmp/a b", "/tmp/a b")]
    [InlineData("plain/folder", "plain/folder")]
    public void SqliteLocationsNameAFolder(string text, string folder)
    {
        var location = WorkspaceLocation.Parse(text);
        Assert.Equal(WorkspaceBackend.Sqlite, location.Backend);
        Assert.Equal(Path.GetFullPath(folder), location.Folder);
        Assert.Null(location.ConnectionString);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Database=vigil;Username=vigil;Password=s3cret")]
    [InlineData("postgresql://vigil:s3cret@db.example:5432/vigil")]
    [InlineData("postgres://db/vigil")]
    public void ConnectionStringsArePostgresAndNeverShown(string text)
    {
        var location = WorkspaceLocation.Parse(text);
        Assert.Equal(WorkspaceBackend.Postgres, location.Backend);
        Assert.Equal(text, location.ConnectionString);
        Assert.DoesNotContain("s3cret", location.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("mysql://root:s3cret@db/vigil")]
    public void OtherValuesAreOneLineErrorsWithoutThePassword(string text)
    {
        var error = Assert.Throws<WorkspaceInputException>(() => WorkspaceLocation.Parse(text, "--store"));
        Assert.StartsWith("--store", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void MigrateSaysFromWhichVersionToWhich()
    {
        using var temp = new TempWorkspace();
        var fresh = Path.Combine(temp.Root, "fresh");
        var first = WorkspaceMigration.MigrateSqlite(fresh);
        Assert.Equal((0, WorkspaceMigration.LatestSqliteVersion), (first.From, first.To));
        Assert.True(first.Changed);
        Assert.Equal("sqlite:" + fresh, first.Store);

        var again = WorkspaceMigration.MigrateSqlite(fresh);
        Assert.Equal((WorkspaceMigration.LatestSqliteVersion, WorkspaceMigration.LatestSqliteVersion), (again.From, again.To));
        Assert.False(again.Changed);
    }

    [Fact]
    public void MigrateRefusesADatabaseOfANewerVigil()
    {
        using var temp = new TempWorkspace();
        using (var connection = temp.Workspace.ConnectForTests())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999";
            command.ExecuteNonQuery();
        }

        temp.Workspace.Dispose();
        var error = Assert.Throws<WorkspaceInputException>(() => WorkspaceMigration.MigrateSqlite(temp.Folder));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }
}
