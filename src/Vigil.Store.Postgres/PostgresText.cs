using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// PostgreSQL's one limit on text that SQLite does not have: no NUL character. A value with one is refused as bad
/// input (with what and where) instead of failing deep in the driver. Features are stored as JSON, where a NUL is
/// escaped, so only the raw values need the check.
/// </summary>
internal static class PostgresText
{
    public static void Check(string value, string what, string model)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new WorkspaceInputException(
                $"A {what} for model '{model}' contains a NUL character (\\u0000), which the PostgreSQL store cannot keep.");
        }
    }
}
