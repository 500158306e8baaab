using Npgsql;
using Vigil.TestSupport.Servers;
using Xunit;

namespace Vigil.Monitoring.Tests.Servers;

/// <summary>The test servers themselves: what the PostgreSQL store and cluster tests stand on.</summary>
public sealed class TestServerTests
{
    [SkippableFact]
    public void EachCreatedPostgresDatabaseIsEmptyAndSeparate()
    {
        var server = PostgresServer.Require();
        var first = server.CreateDatabase();
        var second = server.CreateDatabase();
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        Execute(first, "CREATE TABLE probe (id int); INSERT INTO probe VALUES (7);");
        Assert.Equal(7, Convert.ToInt32(Scalar(first, "SELECT id FROM probe"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Scalar(second, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'probe'"));
        Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(first).Host);
    }

    [SkippableFact]
    public void RedisAnswersOnLoopback()
    {
        var server = RedisServer.Require();
        Assert.StartsWith("127.0.0.1:", server.Endpoint, StringComparison.Ordinal);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
