using Xunit;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A Redis server for the tests, shared by the test process. <c>VIGIL_TEST_REDIS</c> names a running one
/// (<c>host:port</c>; <c>.ci/run</c> sets it); otherwise Debian's <c>redis-server</c> is started on a free loopback
/// port with a temporary folder and no persistence, and stopped when the process exits. Tests share it by using
/// their own keys (an Orleans cluster id of their own). Skipped with the reason when neither is possible.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<(RedisServer? Server, string? Reason)> Shared = new(Connect);

    private RedisServer(string endpoint)
    {
        Endpoint = endpoint;
    }

    /// <summary><c>host:port</c>, the form StackExchange.Redis takes as a configuration string.</summary>
    public string Endpoint { get; }

    /// <summary>Why there is no server, or null when there is one.</summary>
    public static string? UnavailableReason => Shared.Value.Reason;

    /// <summary>The shared server; skips the calling test (with the reason) when there is none.</summary>
    public static RedisServer Require()
    {
        var (server, reason) = Shared.Value;
        Skip.If(server is null, $"skipped: no Redis server: {reason}");
        return server!;
    }

    private static (RedisServer?, string?) Connect()
    {
        var configured = Environment.GetEnvironmentVariable("VIGIL_TEST_REDIS");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "VIGIL_TEST_REDIS=off");
        }

        if (!string.IsNullOrEmpty(configured))
        {
            var failure = WaitUntilReady(configured, TimeSpan.FromSeconds(15), server: null);
            return failure is null ? (new RedisServer(configured), null) : (null, $"VIGIL_TEST_REDIS server did not answer: {failure}");
        }

        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            return (null, "redis-server is not installed (Debian package redis-server) and VIGIL_TEST_REDIS is not set");
        }

        try
        {
            var folder = Directory.CreateTempSubdirectory("vigil-redis-").FullName;
            var port = LoopbackPort.Next();
            var server = ServerProcess.Start(binary,
            [
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
                "--save", "", "--appendonly", "no", "--protected-mode", "yes",
            ], runAs: null);
            ServerProcess.StopWhenTestsEnd($"kill {server.Id} 2>/dev/null; sleep 1; rm -rf '{folder}'");
            var endpoint = $"127.0.0.1:{port}";
            var failure = WaitUntilReady(endpoint, TimeSpan.FromSeconds(15), server);
            return failure is null ? (new RedisServer(endpoint), null) : (null, failure);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, e.Message);
        }
    }

    // PING in Redis' protocol: enough to know the server answers, without a client library in the test support.
    private static string? WaitUntilReady(string endpoint, TimeSpan timeout, ServerProcess? server)
    {
        var separator = endpoint.LastIndexOf(':');
        var host = separator > 0 ? endpoint[..separator] : endpoint;
        var port = separator > 0 && int.TryParse(endpoint[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 6379;
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (server is { HasExited: true })
            {
                return $"redis-server exited: {server.Output.Trim()}";
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(host, port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[64];
                var read = stream.Read(buffer);
                var answer = Encoding.ASCII.GetString(buffer, 0, read);
                if (answer.StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return null;
                }

                last = answer.Trim();
            }
            catch (SocketException e)
            {
                last = e.Message;
            }

            Thread.Sleep(100); // polling a starting server: it offers nothing to wait on
        }

        return $"not ready after {timeout.TotalSeconds:0} s: {last}";
    }
}
