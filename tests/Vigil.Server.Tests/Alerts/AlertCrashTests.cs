using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// The outbox survives a crash: `vigil serve` commits an alarm alert while its receiver is down, is SIGKILLed before
/// any attempt succeeds, and the restarted service delivers that alert (same key, valid signature) exactly once.
/// </summary>
public sealed class AlertCrashTests
{
    [Fact]
    public async Task An_alert_committed_before_a_sigkill_is_delivered_after_the_restart()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-alert-kill-").FullName;
        try
        {
            TrainedModel.CopyInto(workspace);
            var port = WebhookReceiver.FreePort();
            var receiverPort = WebhookReceiver.FreePort();
            var settings = AlertTestSupport.Channel(new Uri($"http://127.0.0.1:{receiverPort}/hook"), "warning,alarm,resolved");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", RunningServer.WriteKey);

            var server = await ServeProcess.StartAsync(workspace, port, client, settings);
            string key;
            try
            {
                await RunningServer.Expect(await client.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = "imports/base" }), 201);
                var rows = TrainedModel.Rows(0, 100, "k", drift: true);
                await RunningServer.Expect(await client.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 200);
                var check = await RunningServer.Expect(
                    await client.PostAsync("/api/v1/models/churn/checks", RunningServer.Json(new JsonObject { ["last"] = 100 })), 201);
                Assert.Equal("alarm", (string)check["check"]!["status"]!);

                // Committed with the check, routed, tried and failed (nothing listens): undelivered when the process dies.
                var alert = await WaitForAsync(client, a => (int?)a["deliveries"]?.AsArray().FirstOrDefault()?["attempts"] >= 1);
                Assert.Equal("pending", (string)alert["delivery"]!);
                key = (string)alert["key"]!;
            }
            finally
            {
                server.Kill(); // SIGKILL: no shutdown code runs
                await server.WaitForExitAsync();
            }

            await using var receiver = await WebhookReceiver.StartAsync(receiverPort);
            server = await ServeProcess.StartAsync(workspace, port, client, settings);
            try
            {
                await receiver.WaitForAsync(1);
                var delivered = await WaitForAsync(client, a => (string)a["delivery"]! == "delivered");
                Assert.Equal(key, (string)delivered["key"]!);
                var received = Assert.Single(receiver.Requests);
                Assert.Equal(key, received.Header("Idempotency-Key"));
                Assert.True(AlertTestSupport.Verify(AlertTestSupport.Secret, received.Body, received.Header("X-Vigil-Signature")));
                Assert.Equal("alarm", (string)AlertTestSupport.Body(received)["event"]!);
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            RunningServer.TryDelete(workspace);
        }
    }

    // The child process has no pass signal to await; its API is polled until the single alert matches.
    private static async Task<JsonNode> WaitForAsync(HttpClient client, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var alerts = (await RunningServer.Expect(await client.GetAsync("/api/v1/alerts"), 200)).AsArray();
            if (alerts.Count == 1 && done(alerts[0]!))
            {
                return alerts[0]!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out; alerts: {alerts.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
