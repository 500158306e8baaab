using Npgsql;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres;
using Vigil.TestSupport.Servers;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>Opening a PostgreSQL store: versioned migrations applied once however many nodes start, and clear refusals.</summary>
public sealed class PostgresDatabaseTests
{
    [SkippableFact]
    public async Task NodesOpeningAFreshDatabaseAtOnceMigrateItOnce()
    {
        var connectionString = PostgresServer.Require().CreateDatabase();
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresDatabase.Open(connectionString))));
        try
        {
            Assert.All(opened, d => Assert.Equal(PostgresMigrations.Latest, d.ReadVersion()));
            Assert.Equal(PostgresMigrations.Latest, Scalar(connectionString, "SELECT COUNT(*) FROM vigil_schema_migrations"));
            Assert.Equal(0, opened[0].Migrate()); // nothing left to apply
        }
        finally
        {
            foreach (var database in opened)
            {
                database.Dispose();
            }
        }
    }

    [SkippableFact]
    public void ADatabaseWrittenByANewerVigilIsRefusedInOneLine()
    {
        var connectionString = PostgresServer.Require().CreateDatabase();
        PostgresDatabase.Open(connectionString).Dispose();
        Scalar(connectionString, $"INSERT INTO vigil_schema_migrations (version) VALUES ({PostgresMigrations.Latest + 1})");

        var e = Assert.Throws<WorkspaceInputException>(() => PostgresDatabase.Open(connectionString));
        Assert.Contains($"schema version {PostgresMigrations.Latest + 1}, written by a newer Vigil", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Throws<WorkspaceInputException>(() => PostgresDatabase.Open(connectionString, migrate: false));
    }

    [SkippableFact]
    public void OpeningWithoutMigratingRefusesADatabaseThatIsBehind()
    {
        var connectionString = PostgresServer.Require().CreateDatabase();
        var e = Assert.Throws<WorkspaceInputException>(() => PostgresDatabase.Open(connectionString, migrate: false));
        Assert.Contains("vigil migrate", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, Scalar(connectionString, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'predictions'"));
    }

    [Fact]
    public void ABadConnectionStringOrAServerThatIsNotThereIsAClearError()
    {
        Assert.StartsWith("Invalid PostgreSQL connection string",
            Assert.Throws<WorkspaceInputException>(() => PostgresDatabase.Open("Host=127.0.0.1;Bogus Key=1")).Message, StringComparison.Ordinal);
        var port = LoopbackPort.Next(); // nothing listens there
        var e = Assert.Throws<WorkspaceInputException>(() => PostgresDatabase.Open($"Host=127.0.0.1;Port={port};Username=u;Database=d;Timeout=3"));
        Assert.Contains($"127.0.0.1:{port}/d", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUriReadsAsTheKeywordFormWouldAndErrorsNeverEchoThePassword()
    {
        var b = PostgresConnectionString.Parse("postgresql://vigil:p%40ss%3Aword@db.internal:6543/monitoring?sslmode=require&application_name=node-1");
        Assert.Equal(("db.internal", 6543, "vigil", "p@ss:word", "monitoring", "node-1"), (b.Host, b.Port, b.Username, b.Password, b.Database, b.ApplicationName));
        Assert.Equal(SslMode.Require, b.SslMode);
        Assert.Equal((5432, "postgres"), (PostgresConnectionString.Parse("postgres://127.0.0.1").Port, PostgresConnectionString.Parse("postgres://postgres@[::1]/x").Username));
        Assert.Equal("::1", PostgresConnectionString.Parse("postgres://postgres@[::1]/x").Host);

        foreach (var bad in new[] { "postgresql://u:s3cret@h/d?bogus=1", "postgresql://u:s3cret@/d", "Host=h;Password=s3cret;Bogus=1" })
        {
            var e = Assert.Throws<WorkspaceInputException>(() => PostgresConnectionString.Parse(bad));
            Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void TextPostgreSqlCannotKeepIsRefusedAsBadInputAndNothingIsStored()
    {
        using var temp = TempStore.Open(StoreBackends.Postgres);
        var row = new PredictionRecord("a\0b", DateTimeOffset.UnixEpoch, new Dictionary<string, object?> { ["s"] = "x\0y" }, "yes", null, null);
        var ok = row with { Id = "ok" };
        Assert.Contains("NUL", Assert.Throws<WorkspaceInputException>(() => temp.Store.LogPredictions("m", [ok, row])).Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceInputException>(() => temp.Store.LogLabels("m", [new LabelRecord("ok", "n\0", null)]));
        Assert.Equal(0, temp.Store.CountPredictions("m"));

        // In features a NUL is escaped JSON, which PostgreSQL keeps like any text.
        temp.Store.LogPredictions("m", [ok]);
        Assert.Equal("x\0y", temp.Store.ReadWindow("m", WindowSpec.All).Single().Features["s"]);
    }

    [SkippableFact]
    public void PredictionKeysCompareByteByByteWhateverTheDatabaseDefaultCollation()
    {
        // The throw-away server's databases default to the environment's locale (C.UTF-8 here), which PostgreSQL 15
        // compares with strcoll; the key columns must not depend on it.
        var connectionString = PostgresServer.Require().CreateDatabase();
        PostgresDatabase.Open(connectionString).Dispose();
        Assert.Equal(4, Scalar(connectionString,
            "SELECT COUNT(*) FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation " +
            "WHERE a.attrelid IN ('predictions'::regclass, 'pending_labels'::regclass) AND a.attname IN ('model', 'id') AND c.collname = 'C'"));
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
