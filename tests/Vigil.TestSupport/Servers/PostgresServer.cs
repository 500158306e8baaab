using Xunit;
using System.Globalization;
using Npgsql;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A PostgreSQL server for the tests, shared by the whole test process, handing out a fresh database per call.
/// <c>VIGIL_TEST_POSTGRES</c> names a running server (an admin connection string; <c>.ci/run</c> sets it); otherwise
/// a throw-away server is started from Debian's binaries (<c>/usr/lib/postgresql/*/bin</c>) in a temporary folder on
/// a free loopback port, as the <c>postgres</c> user when the tests run as root, and stopped and deleted when the
/// process exits. When neither is possible the tests that need it are skipped with the reason.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<(PostgresServer? Server, string? Reason)> Shared = new(Connect);

    private readonly string _admin;

    private PostgresServer(string admin)
    {
        _admin = admin;
    }

    /// <summary>Why there is no server, or null when there is one.</summary>
    public static string? UnavailableReason => Shared.Value.Reason;

    /// <summary>The shared server; skips the calling test (with the reason) when there is none.</summary>
    public static PostgresServer Require()
    {
        var (server, reason) = Shared.Value;
        Skip.If(server is null, $"skipped: no PostgreSQL server: {reason}");
        return server!;
    }

    /// <summary>The admin connection string (user <c>postgres</c>, database <c>postgres</c>).</summary>
    public string AdminConnectionString => _admin;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public string CreateDatabase(string prefix = "vigil_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        // Small pools that let idle connections go: hundreds of test databases share one server's connection limit.
        // A generous connect timeout: on a loaded 2-core machine opening a connection has taken over 5 s.
        return new NpgsqlConnectionStringBuilder(_admin)
        {
            Database = name,
            Timeout = 30,
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 2,
        }.ToString();
    }

    private static (PostgresServer?, string?) Connect()
    {
        var configured = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "VIGIL_TEST_POSTGRES=off");
        }

        if (!string.IsNullOrEmpty(configured))
        {
            var failure = WaitUntilReady(configured, TimeSpan.FromSeconds(15), server: null);
            return failure is null ? (new PostgresServer(configured), null) : (null, $"VIGIL_TEST_POSTGRES server did not answer: {failure}");
        }

        try
        {
            return StartThrowAway();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    private static (PostgresServer?, string?) StartThrowAway()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            return (null, "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian package postgresql) and VIGIL_TEST_POSTGRES is not set");
        }

        var runAs = ServerProcess.IsRoot ? "postgres" : null;
        var data = Path.Combine(Path.GetTempPath(), $"vigil-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        var (code, output) = ServerProcess.Run(Path.Combine(bin, "initdb"),
            ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions"], runAs, TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            return (null, $"initdb failed ({code}): {Last(output)}");
        }

        var port = LoopbackPort.Next();
        // A throw-away server: durability settings off (these tests check logic, not crash safety), loopback only.
        var server = ServerProcess.Start(Path.Combine(bin, "postgres"),
        [
            "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={data}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400",
        ], runAs);
        var asOwner = runAs is null ? "" : $"runuser -u {runAs} -- ";
        ServerProcess.StopWhenTestsEnd($"{asOwner}'{Path.Combine(bin, "pg_ctl")}' -D '{data}' stop -m immediate >/dev/null 2>&1; rm -rf '{data}'");

        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5";
        var failure = WaitUntilReady(admin, TimeSpan.FromSeconds(30), server);
        return failure is null ? (new PostgresServer(admin), null) : (null, failure);
    }

    internal static string? WaitUntilReady(string admin, TimeSpan timeout, ServerProcess? server)
    {
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (server is { HasExited: true })
            {
                return $"postgres exited: {Last(server.Output)}";
            }

            try
            {
                using var connection = new NpgsqlConnection(admin);
                connection.Open();
                return null;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                last = e.Message;
            }

            Thread.Sleep(100); // polling a starting server: it offers nothing to wait on
        }

        return $"not ready after {timeout.TotalSeconds:0} s: {last}";
    }

    internal static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Bin, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault();
    }

    internal static string Last(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}
