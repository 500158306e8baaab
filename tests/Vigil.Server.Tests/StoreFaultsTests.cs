using Microsoft.Data.Sqlite;
using Npgsql;
using Vigil.Stores;

namespace Vigil.Server.Tests;

/// <summary>
/// Which store errors the service answers with 503 and Retry-After (the store is down, restarting, out of connections
/// or locked for now) and which stay errors of the request or the database.
/// </summary>
public sealed class StoreFaultsTests
{
    [Theory]
    [InlineData("57P01", true)] // admin_shutdown: the server is going down
    [InlineData("57P02", true)] // crash_shutdown
    [InlineData("57P03", true)] // cannot_connect_now: still starting or recovering
    [InlineData("53300", true)] // too_many_connections
    [InlineData("08006", true)] // connection_failure
    [InlineData("23505", false)] // unique_violation: the request's own conflict
    [InlineData("42P01", false)] // undefined_table: a schema problem, not a moment's outage
    [InlineData("22P02", false)] // invalid_text_representation
    public void A_PostgreSQL_error_is_an_outage_only_for_the_states_that_pass(string sqlState, bool unavailable)
    {
        var error = new PostgresException("message", "FATAL", "FATAL", sqlState);
        Assert.Equal(unavailable, StoreFaults.IsUnavailable(error));
        Assert.Equal(unavailable, StoreFaults.IsUnavailable(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public void A_refused_connection_is_an_outage()
    {
        var refused = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));
        Assert.True(StoreFaults.IsUnavailable(refused));
    }

    [Theory]
    [InlineData(5, true)] // SQLITE_BUSY: another writer held the lock past the busy timeout
    [InlineData(6, true)] // SQLITE_LOCKED
    [InlineData(11, false)] // SQLITE_CORRUPT: retrying does not help
    [InlineData(19, false)] // SQLITE_CONSTRAINT
    public void A_SQLite_error_is_an_outage_only_when_the_database_is_locked(int code, bool unavailable) =>
        Assert.Equal(unavailable, StoreFaults.IsUnavailable(new SqliteException("message", code)));

    [Fact]
    public void A_full_disk_is_told_apart_from_an_outage()
    {
        Assert.True(StoreFaults.IsStorageFull(new SqliteException("database or disk is full", 13)));
        Assert.True(StoreFaults.IsStorageFull(new PostgresException("could not extend file", "ERROR", "ERROR", "53100")));
        Assert.True(StoreFaults.IsStorageFull(new InvalidOperationException("wrapped", new IOException("No space left on device", 28))));
        Assert.False(StoreFaults.IsStorageFull(new SqliteException("busy", 5)));
        Assert.False(StoreFaults.IsStorageFull(new IOException("Permission denied", 13)));
    }

    [Fact]
    public void Other_exceptions_are_not_outages() =>
        Assert.False(StoreFaults.IsUnavailable(new InvalidOperationException("a bug")));
}
