using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigil.Stores;

/// <summary>
/// Tells a store that cannot answer for the moment — down, restarting, unreachable, out of connections, locked past
/// its timeout — from a mistake in a request or a damaged database: the first is worth retrying later (the service
/// answers 503 with Retry-After), the others are not.
/// </summary>
public static class StoreFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says the store is unavailable for now.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Shutdown and crash-recovery messages a server sends as it goes down are not marked transient by
                // Npgsql, yet they are exactly a restart.
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                    return true;
                // SQLITE_BUSY / SQLITE_LOCKED: another process held the workspace's write lock past the busy timeout.
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
