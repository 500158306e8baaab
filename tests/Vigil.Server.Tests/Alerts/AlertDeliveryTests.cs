using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// Alerts leave the real service and reach a real HTTP receiver on loopback: signed (checked here independently),
/// with the alert's idempotency key, in each format; a receiver that is down gets the alert once it is back, exactly
/// once; a flapping model sends one alert per change of state and no more.
/// </summary>
public sealed class AlertDeliveryTests
{
    private const string TeamsSecret = "teams-secret-0123456789abcdef";

    [Fact]
    public async Task An_alarm_reaches_each_channel_signed_with_its_idempotency_key_in_its_format()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = AlertTestSupport.Channel(receiver.Url("/hook"));
        settings["Vigil:Alerts:Webhooks:1:Name"] = "slack";
        settings["Vigil:Alerts:Webhooks:1:Url"] = receiver.Url("/slack").ToString();
        settings["Vigil:Alerts:Webhooks:1:Format"] = "slack";
        settings["Vigil:Alerts:Webhooks:2:Name"] = "teams";
        settings["Vigil:Alerts:Webhooks:2:Url"] = receiver.Url("/teams").ToString();
        settings["Vigil:Alerts:Webhooks:2:Format"] = "teams";
        settings["Vigil:Alerts:Webhooks:2:Secret"] = TeamsSecret;
        settings["Vigil:Alerts:Webhooks:2:MinSeverity"] = "alarm";
        await using var server = await RunningServer.StartAsync(settings);
        await server.RegisterAsync("churn");

        Assert.Equal("alarm", await AlertTestSupport.CheckWindowAsync(server, 0, drift: true));
        var alerts = await AlertTestSupport.WaitForAlertsAsync(server,
            a => a.Any(x => AlertTestSupport.Event(x!) == "alarm" && (string)x!["delivery"]! == "delivered"), "the alarm to be delivered");
        var alarm = alerts.Single(x => AlertTestSupport.Event(x!) == "alarm")!;
        var key = (string)alarm["key"]!;
        Assert.Equal(["ops", "slack", "teams"], alarm["deliveries"]!.AsArray().Select(d => (string)d!["channel"]!));
        Assert.All(alarm["deliveries"]!.AsArray(), d => Assert.Equal((1, 200), ((int)d!["attempts"]!, (int)d["response_status"]!)));

        var toOps = receiver.Requests.Where(r => r.Path == "/hook" && r.Header("Idempotency-Key") == key).ToArray();
        var request = Assert.Single(toOps);
        Assert.True(AlertTestSupport.Verify(AlertTestSupport.Secret, request.Body, request.Header("X-Vigil-Signature")),
            $"signature {request.Header("X-Vigil-Signature")} does not sign the body");
        Assert.StartsWith("sha256=", request.Header("X-Vigil-Signature"), StringComparison.Ordinal);
        var tampered = request.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.False(AlertTestSupport.Verify(AlertTestSupport.Secret, tampered, request.Header("X-Vigil-Signature")));
        Assert.False(AlertTestSupport.Verify(TeamsSecret, request.Body, request.Header("X-Vigil-Signature")));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("alarm", request.Header("X-Vigil-Event"));
        var body = AlertTestSupport.Body(request);
        Assert.Equal((key, "alarm", "alarm", "churn", 1, "healthy"),
            ((string)body["id"]!, (string)body["event"]!, (string)body["severity"]!, (string)body["model"]!, (int)body["model_version"]!,
             (string)body["previous_state"]!));
        Assert.Equal((long)alarm["check_id"]!, (long)body["check_id"]!);
        Assert.NotEmpty(body["details"]!["drifted_columns"]!.AsArray());

        var slack = Assert.Single(receiver.Requests, r => r.Path == "/slack" && r.Header("Idempotency-Key") == key);
        var slackBody = AlertTestSupport.Body(slack);
        Assert.Contains("churn: alarm", (string)slackBody["text"]!, StringComparison.Ordinal);
        Assert.Equal(["header", "section", "context"], slackBody["blocks"]!.AsArray().Select(b => (string)b!["type"]!));
        Assert.Equal("", slack.Header("X-Vigil-Signature")); // no secret, no signature

        var teams = Assert.Single(receiver.Requests, r => r.Path == "/teams" && r.Header("Idempotency-Key") == key);
        var teamsBody = AlertTestSupport.Body(teams);
        Assert.Equal(("MessageCard", "churn: alarm"), ((string)teamsBody["@type"]!, (string)teamsBody["title"]!));
        Assert.True(AlertTestSupport.Verify(TeamsSecret, teams.Body, teams.Header("X-Vigil-Signature")));
        // MinSeverity alarm: the teams channel got nothing below it.
        Assert.All(receiver.Requests.Where(r => r.Path == "/teams"), r => Assert.Equal("alarm", r.Header("X-Vigil-Event")));

        var perModel = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/alerts"), 200);
        Assert.Contains(perModel.AsArray(), a => (string)a!["key"]! == key);
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/nope/alerts"), 404);
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/alerts?limit=0"), 400);
        using var page = await server.Reader.GetAsync("/alerts");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, html);
        Assert.Contains("churn: alarm", html, StringComparison.Ordinal);
        Assert.Contains("<b>teams</b>", html, StringComparison.Ordinal); // the channels, by name
        Assert.DoesNotContain(receiver.Url("/teams").ToString(), html, StringComparison.Ordinal); // never their URLs
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_the_alert_once_it_is_back_exactly_once()
    {
        var port = WebhookReceiver.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/hook");
        await using var server = await RunningServer.StartAsync(AlertTestSupport.Channel(url, "warning,alarm,resolved"));
        await server.RegisterAsync("churn");
        Assert.Equal("alarm", await AlertTestSupport.CheckWindowAsync(server, 0, drift: true));

        // Nothing listens: attempts fail and are recorded, the alert stays pending.
        var alerts = await AlertTestSupport.WaitForAlertsAsync(server,
            a => a.Count == 1 && (int?)a[0]!["deliveries"]!.AsArray().FirstOrDefault()?["attempts"] >= 2, "two failed attempts");
        var delivery = alerts[0]!["deliveries"]![0]!;
        Assert.Equal(("pending", "pending"), ((string)alerts[0]!["delivery"]!, (string)delivery["status"]!));
        Assert.False(string.IsNullOrEmpty((string?)delivery["last_error"]));
        var key = (string)alerts[0]!["key"]!;

        await using var receiver = await WebhookReceiver.StartAsync(port);
        await receiver.WaitForAsync(1);
        alerts = await AlertTestSupport.WaitForAlertsAsync(server, a => (string)a[0]!["delivery"]! == "delivered", "the delivery to be recorded");
        await AlertTestSupport.PassesAsync(server, 5);
        var received = Assert.Single(receiver.Requests);
        Assert.Equal(key, received.Header("Idempotency-Key"));
        Assert.True(AlertTestSupport.Verify(AlertTestSupport.Secret, received.Body, received.Header("X-Vigil-Signature")));
        Assert.True((int)alerts[0]!["deliveries"]![0]!["attempts"]! >= 3);
    }

    [Fact]
    public async Task A_flapping_model_sends_one_alert_per_change_of_state_and_no_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await RunningServer.StartAsync(AlertTestSupport.Channel(receiver.Url(), "warning,alarm,resolved"));
        await server.RegisterAsync("churn");

        // Alternating windows, with runs of the same state in between: calm, shifted, shifted, calm, shifted, calm, calm, shifted, calm.
        bool[] drifted = [false, true, true, false, true, false, false, true, false];
        var statuses = new List<string>();
        for (var w = 0; w < drifted.Length; w++)
        {
            statuses.Add(await AlertTestSupport.CheckWindowAsync(server, w + 10, drifted[w]));
        }

        var changes = new List<(string From, string To)>();
        var state = "healthy";
        foreach (var status in statuses)
        {
            if (status != state)
            {
                changes.Add((state, status));
                state = status;
            }
        }

        Assert.True(changes.Count >= 4, $"the windows did not flap: {string.Join(", ", statuses)}");
        await receiver.WaitForAsync(changes.Count);
        // Retrain decisions are alerts too, but this channel takes status events only (they stay no_channel).
        var alerts = new JsonArray([.. (await AlertTestSupport.WaitForAlertsAsync(server,
            a => a.Where(IsStatus).All(x => (string)x!["delivery"]! == "delivered"), "every status alert to be delivered"))
            .Where(IsStatus).Select(a => a!.DeepClone())]);
        await AlertTestSupport.PassesAsync(server, 5);

        Assert.Equal(changes, alerts.Reverse().Select(a => ((string)a!["previous_state"]!, (string)a["state"]!)));
        Assert.Equal(changes.Count, receiver.Requests.Count);
        Assert.Equal(changes.Select(c => c.To == "healthy" ? "resolved" : c.To), receiver.Requests.Select(r => r.Header("X-Vigil-Event")));
        Assert.Equal(changes.Count, receiver.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().Count());
    }

    private static bool IsStatus(JsonNode? alert) => (string?)alert!["subject"] == "status";
}
