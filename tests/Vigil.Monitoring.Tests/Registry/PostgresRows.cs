using System.Globalization;
using Npgsql;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>Direct SQL on a test's PostgreSQL database, to look at (or damage) what the registry stored.</summary>
internal static class PostgresRows
{
    public static long Count(BackendWorkspace temp, string table) =>
        Convert.ToInt64(Execute(temp, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);

    public static object? Execute(BackendWorkspace temp, string sql)
    {
        using var connection = new NpgsqlConnection(temp.Location.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
