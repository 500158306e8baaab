using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Tests;

/// <summary>
/// The shadow through the service: unknown, external and champion versions are refused with the documented statuses;
/// a shadow set through the API scores the logged rows in the background, the API, the report and the dashboard show
/// champion vs shadow on the same labelled rows, and a promotion the paired test does not support is a 409.
/// </summary>
public sealed class ShadowApiTests
{
    [Fact]
    public async Task SetScoreShowAndRefuse()
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:Shadow:Poll"] = "00:00:00.200", ["Vigil:Shadow:MinLabelledRows"] = "50" });
        await server.RegisterAsync();
        await server.RegisterAsync(relative: "imports/second");
        using (var ws = VigilWorkspace.Open(server.Workspace))
        {
            var stream = TrainedModel.Stream.Slice(0, 300);
            ModelRegistration.Register(ws, "churn", new RegistrationRequest
            {
                Kind = ModelKind.External, Label = TrainedModel.Label, PredictionColumn = "pred",
                Reference = stream.WithColumn(CategoricalColumn.FromValues("pred", Enumerable.Range(0, 300).Select(i => stream[TrainedModel.Label].FormatCell(i)).ToArray())),
            });
        }

        var unknown = await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { version = 9 }), 404);
        Assert.Contains("no version 9", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var external = await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { version = 3 }), 409);
        Assert.Contains("kind 'external', which cannot shadow", external["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var champion = await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { version = 1 }), 409);
        Assert.Contains("is the champion", champion["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { reason = "no version" }), 400);

        var set = await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { version = 2, reason = "try v2" }), 200);
        Assert.Equal(2, set["shadow_version"]!.GetValue<int>());

        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 120))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 120))), 200);

        // The background scorer catches up with the log (bounded wait on the stored state, not a fixed sleep).
        JsonNode status = new JsonObject();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            status = (await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/shadow"), 200))["status"]!;
            if (status["scored_rows"]!.GetValue<long>() == 120)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(120, status["scored_rows"]!.GetValue<long>());
        Assert.Equal(120, status["labelled_rows"]!.GetValue<int>());
        var comparison = status["comparison"]!;
        Assert.Equal("roc_auc", comparison["metric"]!.GetValue<string>());
        Assert.Equal(comparison["champion_score"]!.GetValue<double>(), comparison["challenger_score"]!.GetValue<double>(), 12); // the same bundle twice
        Assert.False(status["promotable"]!.GetValue<bool>());

        var report = await server.Reader.GetStringAsync("/api/v1/models/churn/report");
        Assert.Contains("\"shadow_version\": 2", report, StringComparison.Ordinal);
        var page = await server.Reader.GetStringAsync("/models/churn");
        Assert.Contains("id=\"shadow-comparison\"", page, StringComparison.Ordinal);
        Assert.Contains("Shadow challenger", page, StringComparison.Ordinal);

        var html = await server.Reader.GetStringAsync("/api/v1/models/churn/report.html");
        Assert.Contains("<h2>Shadow challenger</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>external</code>", html, StringComparison.Ordinal);
        Assert.Contains("dataset drift counts every column alike (unweighted)", html, StringComparison.Ordinal);

        var refused = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/shadow/promote", null), 409);
        Assert.Contains("is not promoted", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var cleared = await RunningServer.Expect(await server.Writer.DeleteAsync("/api/v1/models/churn/shadow"), 200);
        Assert.Null(cleared["shadow_version"]);
    }

    [Fact]
    public async Task ABacklogLargerThanOnePass_IsScoredWithoutWaitingForTheNextPoll()
    {
        // One poll an hour on a clock that moves only when told, 100 rows a pass: the one tick below starts one round of
        // passes, and the 1,000 waiting rows are all scored in it (at one pass a poll, 100 would be, and the shadow
        // could never score more than RowsPerPoll rows a poll however much it fell behind).
        var clock = SchedulerClock.Start();
        await using var server = await RunningServer.StartAsync(
            new() { ["Vigil:Shadow:Poll"] = "01:00:00", ["Vigil:Shadow:RowsPerPoll"] = "100" }, time: clock.Time);
        await server.RegisterAsync();
        await server.RegisterAsync(relative: "imports/second");
        await RunningServer.Expect(await server.Writer.PutAsJsonAsync("/api/v1/models/churn/shadow", new { version = 2 }), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 1000))), 200);
        Assert.Equal(1000, (await Status(server))["backlog_rows"]!.GetValue<long>());

        clock.Time.Advance(TimeSpan.FromHours(1));
        JsonNode status = new JsonObject();
        for (var attempt = 0; attempt < 600 && (status["backlog_rows"]?.GetValue<long>() ?? -1) != 0; attempt++)
        {
            await Task.Delay(100); // bounded wait for the stored state, not a fixed sleep
            status = await Status(server);
        }

        Assert.Equal(0, status["backlog_rows"]!.GetValue<long>());
        Assert.Equal(1000, status["scored_rows"]!.GetValue<long>());
    }

    private static async Task<JsonNode> Status(RunningServer server) =>
        (await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/shadow"), 200))["status"]!;

    [Fact]
    public async Task AnUnknownForeignChampionsSetting_StopsTheStart_NamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => RunningServer.StartAsync(new() { ["Vigil:Retrain:ForeignChampions"] = "always" }));
        Assert.Contains("Vigil:Retrain:ForeignChampions is 'always'; expected one of challenger, compare, request-only", error.Message, StringComparison.Ordinal);
    }
}
