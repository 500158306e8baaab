using Microsoft.Data.Sqlite;

namespace Vigil.Monitoring.Workspace;

/// <summary>Short forms for parameterised commands; values are always bound as parameters, never spliced into SQL.</summary>
internal static class SqlCommands
{
    public static SqliteCommand Command(
        this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public static object? Scalar(
        this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static int Execute(
        this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
