using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Alerts;

namespace Vigil.Server.Tests.Alerts;

/// <summary>Channel settings, alert-producing checks and waits shared by the alert tests.</summary>
internal static class AlertTestSupport
{
    public const string Secret = "test-secret-0123456789abcdef";

    private static readonly TimeSpan PassTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A generic channel "ops" to <paramref name="url"/>, polled fast, retried fast (no quick retries: each attempt is one request).</summary>
    public static Dictionary<string, string?> Channel(Uri url, string? events = null) => new()
    {
        ["Vigil:Alerts:Webhooks:0:Name"] = "ops",
        ["Vigil:Alerts:Webhooks:0:Url"] = url.ToString(),
        ["Vigil:Alerts:Webhooks:0:Secret"] = Secret,
        ["Vigil:Alerts:Webhooks:0:Events"] = events,
        ["Vigil:Alerts:Poll"] = "00:00:00.050",
        ["Vigil:Alerts:Backoff"] = "00:00:00.100",
        ["Vigil:Alerts:BackoffMax"] = "00:00:00.200",
        ["Vigil:Alerts:RetriesPerAttempt"] = "0",
        ["Vigil:Alerts:MaxAttempts"] = "1000",
    };

    /// <summary>
    /// The receiver's check of a signature, written independently of Vigil's code (the C# snippet of docs/alerts.md):
    /// HMAC-SHA256 of the exact body with the secret's UTF-8 bytes, as "sha256=" and lowercase hex, compared in constant time.
    /// </summary>
    public static bool Verify(string secret, byte[] body, string? header)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header));
    }

    /// <summary>Logs 100 labelled rows (shifted far from the training data when <paramref name="drift"/>) and checks them; returns the status (alarm when shifted, not alarm when calm; asserted).</summary>
    public static async Task<string> CheckWindowAsync(RunningServer server, int window, bool drift)
    {
        var rows = TrainedModel.Rows(window * 100, 100, $"w{window}-", drift);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 200);
        var labels = TrainedModel.Labels(window * 100, 100, $"w{window}-"); // a window without its label column is a quality alarm
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(labels)), 200);
        var check = await RunningServer.Expect(
            await server.Writer.PostAsync("/api/v1/models/churn/checks", RunningServer.Json(new JsonObject { ["last"] = 100 })), 201);
        var status = (string)check["check"]!["status"]!;
        // A calm window may be a warning (one feature drifting by chance); it must not be an alarm, or nothing flaps.
        Assert.True(drift ? status == "alarm" : status != "alarm",
            $"window {window} ({(drift ? "shifted" : "calm")}) is {status}: {check["result"]!["reasons"]!.ToJsonString()}");
        return status;
    }

    public static async Task<JsonArray> AlertsAsync(RunningServer server) =>
        (await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/alerts?limit=500"), 200)).AsArray();

    /// <summary>Waits (pass by pass, never by a fixed sleep) until <paramref name="done"/> holds for the alerts the API lists.</summary>
    public static async Task<JsonArray> WaitForAlertsAsync(RunningServer server, Func<JsonArray, bool> done, string what)
    {
        var dispatcher = Dispatcher(server);
        var deadline = DateTime.UtcNow + PassTimeout;
        while (true)
        {
            var pass = dispatcher.NextPass;
            var alerts = await AlertsAsync(server);
            if (done(alerts))
            {
                return alerts;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}; alerts: {alerts.ToJsonString()}");
            await pass.WaitAsync(PassTimeout);
        }
    }

    /// <summary>Waits for <paramref name="count"/> further dispatcher passes (each one would have sent anything due).</summary>
    public static async Task PassesAsync(RunningServer server, int count)
    {
        var dispatcher = Dispatcher(server);
        for (var i = 0; i < count; i++)
        {
            await dispatcher.NextPass.WaitAsync(PassTimeout);
        }
    }

    public static AlertDispatcher Dispatcher(RunningServer server) =>
        server.Services.GetServices<IHostedService>().OfType<AlertDispatcher>().Single();

    public static JsonObject Body(WebhookReceiver.Received request) => JsonNode.Parse(request.Body)!.AsObject();

    public static string Event(JsonNode alert) => (string)alert["event"]!;
}
