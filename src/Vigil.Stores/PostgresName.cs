using System.Globalization;
using Npgsql;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres;

namespace Vigil.Stores;

/// <summary>How a PostgreSQL store is named in what Vigil prints: <c>postgresql://user@host:port/database</c>, never the password.</summary>
internal static class PostgresName
{
    public static string Of(NpgsqlConnectionStringBuilder settings)
    {
        var user = string.IsNullOrEmpty(settings.Username) ? string.Empty : settings.Username + "@";
        var database = string.IsNullOrEmpty(settings.Database) ? string.Empty : "/" + settings.Database;
        return string.Create(CultureInfo.InvariantCulture, $"postgresql://{user}{settings.Host}:{settings.Port}{database}");
    }

    /// <summary><see cref="Of(NpgsqlConnectionStringBuilder)"/> for a connection string, or a generic name when it cannot be read.</summary>
    public static string Of(string connectionString)
    {
        try
        {
            return Of(PostgresConnectionString.Parse(connectionString));
        }
        catch (WorkspaceInputException)
        {
            return "PostgreSQL (an unreadable connection string)";
        }
    }
}
