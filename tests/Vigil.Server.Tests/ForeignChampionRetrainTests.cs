using System.Text.Json.Nodes;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Tests;

/// <summary>
/// A scheduled retrain of a champion Vigil did not train, with <c>Vigil:Retrain:ForeignChampions = compare</c>, through
/// the real server: the scheduler's check alarms, the policy decides to retrain, Vigil's AutoML challenger is compared
/// with the external champion on the newest labelled rows through what the champion logged for them, and the outcome
/// is recorded without a promotion.
/// </summary>
public sealed class ForeignChampionRetrainTests
{
    private const string Positive = "1";

    [Fact]
    public async Task AScheduledRetrainOfAnExternalChampion_IsComparedThroughItsLoggedScores_AndOnlyRecorded()
    {
        var clock = SchedulerClock.Start();
        var settings = SchedulerTests.Scheduled(600, 600);
        settings["Vigil:Retrain:ForeignChampions"] = "compare";
        await using var server = await RunningServer.StartAsync(settings, time: clock.Time);
        await SchedulerClock.FirstPassAsync(server);
        using (var ws = VigilWorkspace.Open(server.Workspace))
        {
            // An external champion: a model in another service whose reference rows carry its (here perfect) outputs.
            var reference = TrainedModel.Stream.Slice(0, 300);
            var labels = Enumerable.Range(0, 300).Select(i => reference[TrainedModel.Label].FormatCell(i)!).ToArray();
            ModelRegistration.Register(ws, "ext", new RegistrationRequest
            {
                Kind = ModelKind.External, Label = TrainedModel.Label, PredictionColumn = "pred", ScoreColumns = ["p"],
                Reference = reference
                    .WithColumn(CategoricalColumn.FromValues("pred", labels))
                    .WithColumn(new NumericColumn("p", labels.Select(l => l == Positive ? 0.7 : 0.3).ToArray())),
            });
        }

        // 600 drifted rows with what the champion logged for each: right on the older 300 (0.7 for the positive class,
        // 0.3 for the other), exactly wrong on the newest 300 (0.4 for the positive class, 0.6 for the other). The
        // comparison holds out the newest 30 % (180 rows, all among the newest 300), so the champion's side is the
        // wrong outputs alone: ROC AUC and accuracy 0, log loss -ln 0.4 — figures no other source would give.
        var rows = TrainedModel.Rows(0, 600, "x", drift: true);
        var truth = TrainedModel.Labels(0, 600, "x");
        for (var i = 0; i < 600; i++)
        {
            var positive = (string)truth[i]!["label"]! == Positive;
            var right = i < 300;
            rows[i]!["prediction"] = positive == right ? Positive : "0";
            rows[i]!["score"] = right ? (positive ? 0.7 : 0.3) : (positive ? 0.4 : 0.6);
        }

        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/ext/predictions", RunningServer.Json(rows)), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/ext/labels", RunningServer.Json(truth)), 200);
        await clock.TickAsync(server, TimeSpan.FromSeconds(1));

        var decisions = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/ext/decisions"), 200);
        Assert.True((bool)decisions[0]!["retrain"]!, decisions.ToJsonString());
        var run = await FinishedRun(server);
        Assert.True((string)run["status"]! == "succeeded", run.ToJsonString());
        Assert.StartsWith("scheduled:", (string)run["reason"]!, StringComparison.Ordinal);
        Assert.False((bool)run["promoted"]!);

        var detail = run["detail"]!;
        Assert.Equal("external", (string)detail["champion_kind"]!);
        Assert.Equal("logged", (string)detail["champion_outputs"]!);
        Assert.False((bool)detail["warm_started"]!);
        Assert.Equal("roc_auc", (string)detail["metric"]!);
        Assert.Equal(180, (int)detail["holdout_rows"]!);
        var champion = detail["champion_metrics"]!;
        Assert.Equal(0.0, (double)detail["champion_score"]!);
        Assert.Equal(0.0, (double)champion["roc_auc"]!);
        Assert.Equal(0.0, (double)champion["accuracy"]!);
        Assert.Equal(-Math.Log(0.4), (double)champion["log_loss"]!, 9);

        // The challenger, trained on the older rows, beats a champion that is always wrong, so the paired interval
        // clears; 'compare' records that and keeps the champion.
        Assert.True((double)detail["challenger_score"]! > 0.5, detail.ToJsonString());
        Assert.True((double)detail["improvement_lower"]! > (double)detail["margin"]!, detail.ToJsonString());
        Assert.Contains("but it is not promoted: the champion was not trained by Vigil and Vigil:Retrain:ForeignChampions is 'compare'",
            (string)detail["reason"]!, StringComparison.Ordinal);

        var challenger = (int)run["challenger_version"]!;
        var model = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/ext"), 200);
        Assert.Equal(1, (int)model["champion_version"]!);
        var versions = model["versions"]!.AsArray();
        var kept = versions.Single(v => (int)v!["version"]! == challenger)!;
        Assert.Equal("vigil", (string)kept["kind"]!);
        Assert.Equal("external", (string)versions.Single(v => (int)v!["version"]! == 1)!["kind"]!);
    }

    // The retrain runs on its own thread with real CPU time: wait for its outcome (bounded), not for a fixed time.
    private static async Task<JsonNode> FinishedRun(RunningServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonNode runs;
        do
        {
            await Task.Delay(200);
            runs = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/ext/retrains"), 200);
        }
        while ((runs.AsArray().Count == 0 || (string)runs[0]!["status"]! == "running") && DateTime.UtcNow < deadline);

        Assert.Single(runs.AsArray());
        return runs[0]!;
    }
}
