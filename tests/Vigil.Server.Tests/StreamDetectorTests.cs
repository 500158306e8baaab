using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Scheduling;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Server.Tests;

/// <summary>
/// The online change detectors in the service: labels joining feed the error stream, a step change in the error rate
/// is a StreamChange reason acted on at once, and the detectors' state survives a restart of the server.
/// </summary>
public sealed class StreamDetectorTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Whether the prediction of production row i is wrong: error rate 0.1, then 0.6 from row <paramref name="change"/>.</summary>
    private static bool[] Errors(int count, int change)
    {
        var random = new Random(17);
        return Enumerable.Range(0, count).Select(i => random.NextDouble() < (i < change ? 0.1 : 0.6)).ToArray();
    }

    /// <summary>Rows whose logged prediction is the true label, or the other class where <paramref name="errors"/> says so.</summary>
    private static JsonArray Rows(int start, bool[] errors)
    {
        var rows = TrainedModel.Rows(start, errors.Length);
        var labels = TrainedModel.Labels(start, errors.Length);
        for (var i = 0; i < errors.Length; i++)
        {
            var truth = (string)labels[i]!["label"]!;
            rows[i]!["prediction"] = errors[i] ? (truth == "1" ? "0" : "1") : truth;
        }

        return rows;
    }

    private static async Task PostLabels(RunningServer server, int start, int count) =>
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(start, count))), 200);

    private static async Task<JsonNode> Model(RunningServer server) =>
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);

    private static JsonNode Stream(JsonNode model, string name) =>
        model["streams"]!.AsArray().Single(s => (string)s!["stream"]! == name)!;

    private static void Watch(RunningServer server) => server.Services.GetRequiredService<StreamWatcher>().Watch("churn", CancellationToken.None);

    [Fact]
    public async Task Labels_joining_produce_the_error_stream()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        var errors = Errors(300, int.MaxValue);
        await PostLabels(server, 0, 100); // these wait for their predictions and join when the rows arrive
        await SchedulerTests.Post(server, Rows(0, errors));
        await PostLabels(server, 100, 150); // these join at once; rows 250–299 stay unlabelled
        Watch(server);

        var model = await Model(server);
        var error = Stream(model, "error");
        Assert.Equal(250, (long)error["observations"]!);
        Assert.Equal(1, (int)error["champion_version"]!);
        var ddm = error["detectors"]!.AsArray().Single(d => (string)d!["name"]! == "ddm")!;
        Assert.Equal(errors.Take(250).Count(e => e) / 250.0, (double)ddm["estimate"]!, 12);
        Assert.Equal(300, (long)Stream(model, "score")["observations"]!); // every logged row has a score
    }

    [Fact]
    public async Task A_step_change_in_the_error_rate_fires_StreamChange()
    {
        var clock = SchedulerClock.Start();
        var settings = SchedulerTests.Scheduled(100_000, 600); // row-count checks never come due here
        settings["Vigil:Scheduler:AutoRetrain"] = "false";
        await using var server = await RunningServer.StartAsync(settings, time: clock.Time);
        await SchedulerClock.FirstPassAsync(server);
        await server.RegisterAsync("churn");
        var errors = Errors(1200, 600);
        await SchedulerTests.Post(server, Rows(0, errors[..600]));
        await PostLabels(server, 0, 600);
        await clock.TickAsync(server, Poll);
        Assert.Empty((await SchedulerTests.Checks(server)).AsArray()); // a steady error rate: no change, no check

        await SchedulerTests.Post(server, Rows(600, errors[600..]));
        await PostLabels(server, 600, 600);
        await clock.TickAsync(server, Poll);
        var checks = await SchedulerTests.Checks(server);
        Assert.Single(checks.AsArray()); // the change made a check due at once

        var decisions = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/decisions"), 200);
        var triggers = decisions[0]!["detail"]!["triggers"]!.AsArray();
        var stream = triggers.Single(t => (string)t!["trigger"]! == "stream_change")!;
        Assert.Equal("fired", (string)stream["outcome"]!);
        Assert.True((bool)decisions[0]!["retrain"]!, decisions.ToJsonString());

        var detections = (await Model(server))["stream_detections"]!.AsArray();
        var change = detections.First(d => (string)d!["kind"]! == "change" && (string)d!["stream"]! == "error")!;
        Assert.True((long)change["observation"]! > 600, change.ToJsonString()); // found after the step, not before
        var report = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/report"), 200);
        Assert.Contains(report["events"]!.AsArray(), e => (string)e!["kind"]! == "stream_change");
    }

    [Fact]
    public async Task Detector_state_survives_a_restart()
    {
        // The uninterrupted reference: DDM and ADWIN over the same error bits, in the library.
        const int change = 500;
        var errors = Errors(1000, change);
        var expected = new List<string>();
        var detectors = new ChangeDetector[] { new Ddm(), new Adwin() };
        for (var i = 0; i < errors.Length; i++)
        {
            foreach (var d in detectors)
            {
                d.Update(errors[i] ? 1 : 0);
                if (d.DriftDetected)
                {
                    expected.Add(d.Name + "@" + (i + 1).ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        const int split = change + 10;
        var server = await RunningServer.StartAsync();
        var workspace = server.Workspace;
        try
        {
            await server.RegisterAsync("churn");
            await SchedulerTests.Post(server, Rows(0, errors[..split]));
            await PostLabels(server, 0, split);
            Watch(server);
            await server.StopAsync();

            await using var restarted = await RunningServer.StartAsync(workspace: workspace);
            await SchedulerTests.Post(restarted, Rows(split, errors[split..]));
            await PostLabels(restarted, split, errors.Length - split);
            Watch(restarted);
            var model = await Model(restarted);
            Assert.Equal(errors.Length, (long)Stream(model, "error")["observations"]!);
            var found = model["stream_detections"]!.AsArray()
                .Where(d => (string)d!["stream"]! == "error" && (string)d!["kind"]! == "change")
                .Select(d => (string)d!["detector"]! + "@" + (long)d!["observation"]!).Reverse().ToArray();
            Assert.Equal(expected, found);
            Assert.Contains(found, f => int.Parse(f.Split('@')[1], CultureInfo.InvariantCulture) > split); // found after the restart
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bad_detector_settings_stop_the_service_at_start_with_one_line()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunningServer.StartAsync(new Dictionary<string, string?> { ["Vigil:Streams:ErrorDetectors"] = "ddm,cusum" }));
        Assert.Contains("Vigil:Streams", e.Message, StringComparison.Ordinal);
        Assert.Contains("'cusum'", e.Message, StringComparison.Ordinal);
    }
}
