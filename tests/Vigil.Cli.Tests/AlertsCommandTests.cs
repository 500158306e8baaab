using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil alerts test --channel NAME</c> against a real HTTP listener on loopback: a signed test message and exit 0
/// when it is accepted, exit 1 with one line when it is not, exit 2 for an unknown channel or a configuration mistake;
/// and <c>vigil serve</c> refuses to start on a bad channel with exit 2 and one line.
/// </summary>
public sealed class AlertsCommandTests
{
    private const string Secret = "cli-test-secret-0123456789";

    [Fact]
    public async Task A_test_message_reaches_the_channel_signed_and_exits_0()
    {
        using var listener = Listen(out var url);
        var answered = Answer(listener, 200);
        var result = await Task.Run(() => CliRunner.Run(["alerts", "test", "--channel", "ops", .. Channel(url)]));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Sent a test alert to channel 'ops'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("HTTP 200", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("token-in-path", result.Stdout, StringComparison.Ordinal);

        var (headers, body) = await answered;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        Assert.Equal(expected, headers["X-Vigil-Signature"]);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(("test", headers["Idempotency-Key"]), ((string)json["event"]!, (string)json["id"]!));
    }

    [Fact]
    public async Task A_refusing_receiver_exits_1_with_one_line()
    {
        using var listener = Listen(out var url);
        var answered = Answer(listener, 404);
        var result = await Task.Run(() => CliRunner.Run(["alerts", "test", "--channel", "ops", .. Channel(url)]));
        var line = CliRunner.AssertOneLineError(result, ExitCodes.Alarm);
        Assert.Contains("did not accept the test alert: HTTP 404 Not Found", line, StringComparison.Ordinal);
        Assert.DoesNotContain("token-in-path", line, StringComparison.Ordinal);
        await answered;
    }

    [Fact]
    public void An_unknown_channel_or_a_bad_setting_exits_2_with_one_line()
    {
        var url = "http://127.0.0.1:9/token-in-path";
        var unknown = CliRunner.AssertOneLineError(CliRunner.Run(["alerts", "test", "--channel", "pager", .. Channel(url)]));
        Assert.Equal("error: there is no alert channel 'pager'; channels: ops.", unknown);

        var shortSecret = CliRunner.AssertOneLineError(CliRunner.Run(
            ["alerts", "test", "--channel", "ops", .. Channel(url), "--Vigil:Alerts:Webhooks:0:Secret=tooshort"]));
        Assert.Contains("Vigil:Alerts:Webhooks:0:Secret of channel 'ops' is 8 bytes", shortSecret, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_to_start_on_a_channel_that_is_not_http_with_exit_2_and_one_line()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-alerts-serve-").FullName;
        try
        {
            var line = CliRunner.AssertOneLineError(CliRunner.Run(
                ["serve", "--workspace", workspace, "--urls", "http://127.0.0.1:0",
                 "--Vigil:Alerts:Webhooks:0:Name=ops", "--Vigil:Alerts:Webhooks:0:Url=file:///etc/token-in-path",
                 $"--Vigil:Alerts:Webhooks:0:Secret={Secret}"]));
            Assert.Equal(
                "error: the service did not start: Vigil:Alerts:Webhooks:0:Url of channel 'ops' has the scheme 'file'; only http and https URLs can receive alerts.",
                line);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static string[] Channel(string url) =>
    [
        "--Vigil:Alerts:Webhooks:0:Name=ops", $"--Vigil:Alerts:Webhooks:0:Url={url}", $"--Vigil:Alerts:Webhooks:0:Secret={Secret}",
        "--Vigil:Alerts:RetriesPerAttempt=0",
    ];

    private static HttpListener Listen(out string url)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/token-in-path/";
        }

        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        return listener;
    }

    // Answers the first request with the status and returns what it carried.
    private static async Task<(Dictionary<string, string> Headers, byte[] Body)> Answer(HttpListener listener, int status)
    {
        var context = await listener.GetContextAsync();
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        context.Response.StatusCode = status;
        context.Response.Close();
        return (headers, buffer.ToArray());
    }
}
