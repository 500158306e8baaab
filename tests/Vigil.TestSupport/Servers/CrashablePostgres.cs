using System.Globalization;
using Npgsql;
using Xunit;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A PostgreSQL server of one test's own, durable as a deployment's (fsync on, <c>synchronous_commit=on</c>), that
/// the test can crash (<c>pg_ctl stop -m immediate</c>: every process ends at once, no checkpoint, and the next start
/// runs crash recovery from the WAL) and start again on the same port and data. Debian's binaries, a temporary
/// folder, loopback only; stopped and deleted on <see cref="Dispose"/> or when the test process ends.
/// </summary>
public sealed class CrashablePostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string? _runAs;
    private ServerProcess? _server;

    private CrashablePostgres(string bin, string data, string? runAs, int port)
    {
        _bin = bin;
        _data = data;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string to the database <c>vigil</c>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=vigil;Timeout=5";

    /// <summary>Creates and starts the server with an empty database <c>vigil</c>; skips the test (with the reason) when it cannot.</summary>
    public static CrashablePostgres Start()
    {
        var bin = PostgresServer.FindBinaries();
        Skip.If(bin is null, "skipped: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian package postgresql)");
        var runAs = ServerProcess.IsRoot ? "postgres" : null;
        var data = Path.Combine(Path.GetTempPath(), $"vigil-pgcrash-{Guid.NewGuid():N}"[..30]);
        var (code, output) = ServerProcess.Run(Path.Combine(bin!, "initdb"),
            ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-instructions"], runAs, TimeSpan.FromSeconds(60));
        Skip.If(code != 0, $"skipped: initdb failed ({code}): {PostgresServer.Last(output)}");
        var asOwner = runAs is null ? "" : $"runuser -u {runAs} -- ";
        ServerProcess.StopWhenTestsEnd($"{asOwner}'{Path.Combine(bin!, "pg_ctl")}' -D '{data}' stop -m immediate >/dev/null 2>&1; rm -rf '{data}'");
        var postgres = new CrashablePostgres(bin!, data, runAs, LoopbackPort.Next());
        postgres.Restart();
        using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={postgres.Port};Username=postgres;Database=postgres;Timeout=5");
        connection.Open();
        using var create = new NpgsqlCommand("CREATE DATABASE vigil", connection);
        create.ExecuteNonQuery();
        return postgres;
    }

    /// <summary>Starts the server (after <see cref="Crash"/>: with crash recovery) and waits until it answers.</summary>
    public void Restart()
    {
        _server?.Dispose();
        _server = ServerProcess.Start(Path.Combine(_bin, "postgres"),
        [
            "-D", _data, "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_data}",
            "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
        ], _runAs);
        var failure = PostgresServer.WaitUntilReady($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5", TimeSpan.FromSeconds(60), _server);
        if (failure is not null)
        {
            throw new InvalidOperationException($"PostgreSQL did not start: {failure}");
        }
    }

    /// <summary>Ends every server process at once, as a crash would: no checkpoint, no goodbye to the clients.</summary>
    public void Crash()
    {
        var (code, output) = ServerProcess.Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "stop", "-m", "immediate", "-w"], _runAs, TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop -m immediate failed ({code}): {PostgresServer.Last(output)}");
        }
    }

    public void Dispose()
    {
        ServerProcess.Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "stop", "-m", "immediate"], _runAs, TimeSpan.FromSeconds(60));
        _server?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The end-of-tests script deletes it.
        }
    }
}
