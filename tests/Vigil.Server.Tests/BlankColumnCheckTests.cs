using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Server.Tests;

/// <summary>A model trained on data with a column blank in every row is checked normally (201), never a 500.</summary>
public sealed class BlankColumnCheckTests
{
    private static readonly Lazy<string> Bundle = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public async Task A_check_of_a_model_trained_with_an_all_blank_column_is_recorded_with_the_column_skipped()
    {
        await using var server = await RunningServer.StartAsync();
        var target = Path.Combine(server.Workspace, "imports", "blank");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Bundle.Value))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = "imports/blank", reason = "test" }), 201);
        // Ingestion wants every feature of the champion: the blank one is sent as null, as a client would.
        var rows = TrainedModel.Rows(0, 300);
        foreach (var row in rows)
        {
            row!["features"]!["blank"] = null;
        }

        await SchedulerTests.Post(server, rows);

        var check = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 300 }), 201);

        var skipped = check["result"]!["drift"]!["skipped"]!.AsArray();
        var blank = skipped.Single(s => (string)s!["name"]! == "blank")!;
        Assert.Equal("missing in every training row: there is no reference to compare with", (string)blank["reason"]!);
        var compared = check["result"]!["drift"]!["features"]!["columns"]!.AsArray().Select(c => (string)c!["name"]!).ToArray();
        Assert.Contains("f0", compared);
        Assert.DoesNotContain("blank", compared);
    }

    private static string Train()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-server-blank-").FullName;
        using var monitor = VigilMonitor.Open(workspace);
        var rows = TrainedModel.Stream.Slice(0, 1500);
        var data = rows.WithColumn(new NumericColumn("blank", Enumerable.Repeat(double.NaN, rows.RowCount).ToArray()));
        var trained = monitor.Train("template", data, new TrainRequest
        {
            Label = TrainedModel.Label, TimeBudget = null, MaxTrials = 2, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = "template",
        });
        return trained.Version.BundleFolder;
    }
}
