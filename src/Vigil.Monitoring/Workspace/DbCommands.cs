using System.Data.Common;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// <see cref="SqlCommands"/> for any ADO.NET provider, for SQL every backend runs as written (the alert outbox).
/// Such SQL names its parameters <c>@name</c>, the one placeholder form SQLite and Npgsql both accept.
/// </summary>
internal static class DbCommands
{
    public static DbCommand Command(
        this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static object? Scalar(
        this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Runs a statement and returns the number of rows it changed.</summary>
    public static int Execute(
        this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and maps every row it returns.</summary>
    public static List<T> Read<T>(
        this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(map(reader));
        }

        return result;
    }
}
