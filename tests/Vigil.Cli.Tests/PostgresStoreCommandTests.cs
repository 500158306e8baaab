using System.Text.Json;
using Npgsql;
using Vigil.Cli.Tests.Support;
using Vigil.TestSupport.Servers;

namespace Vigil.Cli.Tests;

/// <summary>
/// The workspace commands against a PostgreSQL store (<c>--store CONNECTION</c>, #19): train, models, check, report and
/// migrate work as on a folder; a newer schema, an unreachable server and a malformed string are one-line errors
/// that never show the password. Skipped (saying why) when no PostgreSQL server can start.
/// </summary>
public sealed class PostgresStoreCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [SkippableFact]
    public void TrainModelsCheckAndReportWorkAgainstPostgres()
    {
        var store = PostgresServer.Require().CreateDatabase("vigil_cli");
        var train = _folder.Write("train.csv", CliData.Rows(200, seed: 1));
        var trained = CliRunner.Run("train", "--data", train, "--label", "y", "--max-trials", "3", "--time-budget", "0", "--model", "m", "--store", store);
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains("registered m v1 (champion) in postgresql://", trained.Stdout, StringComparison.Ordinal);

        var models = CliRunner.Run("models", "--store", store);
        Assert.True(models.ExitCode == 0, models.Stderr);
        Assert.Contains("│ m ", models.Stdout, StringComparison.Ordinal);

        var week = _folder.Write("week.csv", CliData.Rows(150, seed: 7));
        var check = CliRunner.Run("check", "-m", "m", "--data", week, "--store", store);
        Assert.True(check.ExitCode is 0 or 1, check.Stderr);

        var json = _folder.PathOf("report.json");
        var report = CliRunner.Run("report", "-m", "m", "--json", json, "--store", store);
        Assert.True(report.ExitCode == 0, report.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("m", doc.RootElement.GetProperty("model_name").GetString());

        var migrate = CliRunner.Run("migrate", "--store", store);
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Matches(@"^postgresql://\S+: schema version \d+, up to date\.", migrate.Stdout);
    }

    [SkippableFact]
    public void MigrateSaysFromWhichVersionAndNewerSchemasAreRefused()
    {
        var store = PostgresServer.Require().CreateDatabase("vigil_cli");
        var first = CliRunner.Run("migrate", "--store", store);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches(@"schema version 0 -> \d+ \(\d+ migrations applied\)", first.Stdout);

        using (var connection = new NpgsqlConnection(store))
        {
            connection.Open();
            using var command = new NpgsqlCommand("INSERT INTO vigil_schema_migrations (version) VALUES (999)", connection);
            command.ExecuteNonQuery();
        }

        foreach (var args in new[] { new[] { "models", "--store", store }, ["migrate", "--store", store], ["serve", "--store", store, "--urls", "http://127.0.0.1:0"] })
        {
            var error = CliRunner.AssertOneLineError(CliRunner.Run(args));
            Assert.Contains("newer", error, StringComparison.Ordinal);
            Assert.Contains("999", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("models")]
    [InlineData("migrate")]
    [InlineData("serve")]
    public void AnUnreachableServerIsOneLineNamingHostAndPortWithoutThePassword(string command)
    {
        var store = "Host=127.0.0.1;Port=1;Database=vigil;Username=vigil;Password=s3cret-pw;Timeout=2";
        string[] args = command == "serve" ? [command, "--store", store, "--urls", "http://127.0.0.1:0"] : [command, "--store", store];
        var result = CliRunner.Run(args);
        var error = CliRunner.AssertOneLineError(result);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Pasword=s3cret-pw", "Pasword")]
    [InlineData("postgresql://vigil:s3cret-pw@127.0.0.1:1/vigil?colour=blue", "colour")]
    public void AMalformedConnectionStringIsOneLineNamingWhatIsWrong(string store, string named)
    {
        var result = CliRunner.Run("models", "--store", store);
        var error = CliRunner.AssertOneLineError(result);
        Assert.Contains(named, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret-pw", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
