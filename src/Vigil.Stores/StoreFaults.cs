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
    private const int SqliteFull = 13;

    // ENOSPC: .NET on Unix carries the errno as the IOException's HResult.
    private const int NoSpaceOnDevice = 28;

    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the disk under the store is full: SQLite's
    /// SQLITE_FULL, PostgreSQL's <c>disk_full</c>, or a file write that failed with ENOSPC. Nothing more can be stored
    /// until space is freed; what was acknowledged before is intact.
    /// </summary>
    public static bool IsStorageFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull }:
                case IOException { HResult: NoSpaceOnDevice }:
                    return true;
            }
        }

        return false;
    }

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
