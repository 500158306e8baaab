using System.Globalization;
using Npgsql;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// A PostgreSQL location as users write it: Npgsql's <c>Host=…;Port=…;Database=…;Username=…</c> or the URI form
/// <c>postgresql://user:password@host:port/database?sslmode=require</c> (also <c>postgres://</c>) that most PostgreSQL
/// tools print. Errors never echo the text, which may hold a password.
/// </summary>
public static class PostgresConnectionString
{
    // URI query parameters (libpq's names) and the Npgsql keywords they mean.
    private static readonly Dictionary<string, string> QueryKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["host"] = "Host",
        ["port"] = "Port",
    };

    /// <summary>Reads <paramref name="text"/> (either form); throws <see cref="WorkspaceInputException"/> naming what is wrong.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var value = text.Trim();
        try
        {
            return value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                ? FromUri(value)
                : new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new WorkspaceInputException($"Invalid PostgreSQL connection string: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new WorkspaceInputException($"Invalid PostgreSQL connection string: {e.Message}", e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new WorkspaceInputException(
                "Invalid PostgreSQL connection URI: expected postgresql://user:password@host:port/database (one host; " +
                "use the Host=…;Port=… form for several).");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!QueryKeywords.TryGetValue(name, out var keyword))
            {
                throw new WorkspaceInputException(string.Create(CultureInfo.InvariantCulture,
                    $"Invalid PostgreSQL connection URI: unknown parameter '{name}' (known: {string.Join(", ", QueryKeywords.Keys)})."));
            }

            builder[keyword] = setting;
        }

        return builder;
    }
}
