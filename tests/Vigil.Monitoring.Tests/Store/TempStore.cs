using System.Data.Common;
using Npgsql;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres;
using Vigil.TestSupport.Servers;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>The store backends every store test runs against: SQLite always, PostgreSQL when a server can be had.</summary>
public static class StoreBackends
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Member data for a <c>[SkippableTheory]</c>: one case per backend (PostgreSQL skips itself with the reason when no server starts).</summary>
    public static TheoryData<string> All => new() { Sqlite, Postgres };
}

/// <summary>
/// A monitoring store of one backend on a fresh database (a temporary workspace folder, or a new PostgreSQL database),
/// with a clock the test moves by hand. Skips the calling test when the backend's server is not available.
/// </summary>
internal sealed class TempStore : IDisposable
{
    private readonly TempWorkspace? _workspace;
    private readonly string? _connectionString;
    private readonly List<IDisposable> _opened = [];
    private PostgresDatabase? _database;

    private TempStore(string backend)
    {
        Backend = backend;
        if (backend == StoreBackends.Sqlite)
        {
            _workspace = new TempWorkspace();
            Clock = _workspace.Clock;
            Store = _workspace.Workspace.Store;
        }
        else
        {
            _connectionString = PostgresServer.Require().CreateDatabase();
            Clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
            Store = OpenPostgres(out _database);
        }
    }

    public string Backend { get; }

    public ManualClock Clock { get; }

    public IMonitoringStore Store { get; private set; }

    public static TempStore Open(string backend) => new(backend);

    /// <summary>Closes the store and opens it again, as a new process would (orphaned retrain runs are abandoned).</summary>
    public IMonitoringStore Reopen()
    {
        if (_workspace is not null)
        {
            return Store = _workspace.Reopen().Store;
        }

        _database!.Dispose();
        return Store = OpenPostgres(out _database);
    }

    /// <summary>A second store on the same database, like another process or node; closed with this one.</summary>
    public IMonitoringStore OpenAnother()
    {
        if (_workspace is not null)
        {
            var workspace = VigilWorkspace.Open(_workspace.Folder, Clock);
            _opened.Add(workspace);
            return workspace.Store;
        }

        var store = OpenPostgres(out var database);
        _opened.Add(database);
        return store;
    }

    /// <summary>Runs raw SQL (parameters named <c>@name</c>) on the backend's database; returns the rows changed.</summary>
    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = Connect();
        return connection.Execute(null, sql, parameters);
    }

    /// <summary>A raw connection to the backend's database, for tests that inspect or damage it.</summary>
    public DbConnection Connect()
    {
        if (_workspace is not null)
        {
            return _workspace.Workspace.ConnectForTests();
        }

        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private PostgresMonitoringStore OpenPostgres(out PostgresDatabase database)
    {
        database = PostgresDatabase.Open(_connectionString!);
        var store = new PostgresMonitoringStore(database, Clock);
        store.AbandonOrphanedRuns(); // what opening a workspace does
        return store;
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }

        _database?.Dispose();
        _workspace?.Dispose();
    }
}
