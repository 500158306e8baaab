using Npgsql;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// A transaction-scoped advisory lock per model. SQLite serialises every writer; PostgreSQL runs them at once, so the
/// writes whose correctness needs one writer per model take this lock first: ingestion and labels (a label and its
/// prediction arriving together must join, and a model's <c>seq</c> and <c>label_joins</c> ids must follow commit
/// order for the stream cursors), alert state changes (one alert per change) and watched metrics (replaced whole).
/// Writes of different models do not wait for each other. Released at commit or rollback.
/// </summary>
internal static class ModelLock
{
    // The first half of the two-key lock space (the migration lock uses the one-key space, which does not overlap).
    private const int Space = 0x56696769; // "Vigi"

    /// <summary>The statement that takes the lock of <c>@m</c>; parameters <c>@lockspace</c> and <c>@m</c>.</summary>
    public const string Sql = "SELECT pg_advisory_xact_lock(@lockspace, hashtext(@m))";

    private static (string Name, object Value) SpaceParameter => ("@lockspace", Space);

    /// <summary>The statement that takes the lock of <paramref name="model"/>, to send in a batch with the writes it guards.</summary>
    public static NpgsqlBatchCommand Command(string model)
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<int>("lockspace", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = Space });
        command.Parameters.Add(new NpgsqlParameter<string>("m", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = model });
        return command;
    }

    /// <summary>Waits for the lock of <paramref name="model"/>, held until <paramref name="transaction"/> ends.</summary>
    public static void Take(NpgsqlConnection connection, NpgsqlTransaction transaction, string model) =>
        connection.Execute(transaction, Sql, SpaceParameter, ("@m", model));
}
