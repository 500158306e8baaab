using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>/api/v1/models/{name}/versions/{version}/estimator</c>: which estimator a version's checks use, a refit on
/// uploaded labelled production rows (or the log), and a reset to the bundle's; the service's next check uses the refit.
/// </summary>
public sealed class EstimatorApiTests
{
    private const string Url = "/api/v1/models/churn/versions/1/estimator";

    // Production rows [start, start+count) of the shared model's stream with a quarter of their labels flipped: the
    // model's probabilities are overconfident there, which its bundle's estimator (fitted on the training holdout) cannot see.
    private static ByteArrayContent Csv(int start, int count, bool labelled = true)
    {
        var rows = TrainedModel.Stream.Slice(1500 + start, count);
        var target = (NumericColumn)rows[TrainedModel.Label];
        var random = new Random(5);
        var flipped = Enumerable.Range(0, count).Select(i => random.NextDouble() < 0.25 ? 1 - target[i] : target[i]).ToArray();
        rows = labelled ? rows.WithColumn(new NumericColumn(TrainedModel.Label, flipped)) : rows.WithoutColumns(TrainedModel.Label);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvTableWriter.Write(rows, text);
        return new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static MultipartFormDataContent Upload(HttpContent data, string part = "data") => new() { { data, part, "week-49.csv" } };

    private static double EstimatedAccuracy(JsonNode check) =>
        (double)check["result"]!["estimated_performance"]!["metrics"]!.AsArray().Single(m => (string?)m!["name"] == "accuracy")!["value"]!;

    [Fact]
    public async Task ARefitIsUsedByTheNextCheck_AndDeleteReturnsToTheBundle()
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:Scheduler:Enabled"] = "false" });
        await server.RegisterAsync("churn");
        var shown = await RunningServer.Expect(await server.Reader.GetAsync(Url), 200);
        Assert.Equal("bundle", (string?)shown["source"]);
        Assert.Equal("cbpe", (string?)shown["method"]);

        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(2000, 300, "w"))), 200);
        var before = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/checks", RunningServer.Json(new JsonObject { ["last"] = 300 })), 201);
        Assert.Equal("bundle", (string?)before["result"]!["estimated_performance"]!["estimator_source"]);

        using (var form = Upload(Csv(0, 1000)))
        {
            var refit = await RunningServer.Expect(await server.Writer.PostAsync(Url, form), 200);
            Assert.Equal("refitted", (string?)refit["source"]);
            Assert.Equal(1000, (int)refit["rows"]!);
            Assert.Equal("1,000 labelled rows of the uploaded week-49.csv", (string?)refit["fitted_on"]);
            Assert.StartsWith("api:", (string?)refit["fitted_by"], StringComparison.Ordinal);
        }

        var after = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/checks", RunningServer.Json(new JsonObject { ["last"] = 300 })), 201);
        Assert.Equal("refitted", (string?)after["result"]!["estimated_performance"]!["estimator_source"]);
        Assert.True(EstimatedAccuracy(before) - EstimatedAccuracy(after) > 0.1, $"before {EstimatedAccuracy(before)}, after {EstimatedAccuracy(after)}");

        var reset = await RunningServer.Expect(await server.Writer.DeleteAsync(Url), 200);
        Assert.Equal("bundle", (string?)reset["source"]);
    }

    [Fact]
    public async Task RowsThatCannotServe_AreProblems_AndStoreNothing()
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:Scheduler:Enabled"] = "false" });
        await server.RegisterAsync("churn");

        using (var form = Upload(Csv(0, 30)))
        {
            var problem = await RunningServer.Expect(await server.Writer.PostAsync(Url, form), 422);
            Assert.Equal("the uploaded week-49.csv has 30 labelled rows of 30; fitting the estimator needs at least 50.", (string?)problem["detail"]);
        }

        using (var form = Upload(Csv(0, 100, labelled: false)))
        {
            var problem = await RunningServer.Expect(await server.Writer.PostAsync(Url, form), 422);
            Assert.Contains("no label column 'target'", (string?)problem["detail"], StringComparison.Ordinal);
        }

        using (var form = Upload(Csv(0, 100), part: "file"))
        {
            var problem = await RunningServer.Expect(await server.Writer.PostAsync(Url, form), 400);
            Assert.Contains("Give the file 'data'", (string?)problem["detail"], StringComparison.Ordinal);
        }

        var log = await RunningServer.Expect(await server.Writer.PostAsync(Url, RunningServer.Json(new JsonObject { ["from_log"] = true })), 422);
        Assert.Contains("has no labelled rows", (string?)log["detail"], StringComparison.Ordinal);
        await RunningServer.Expect(await server.Writer.PostAsync(Url, RunningServer.Json(new JsonObject { ["from_log"] = true, ["rows"] = 0 })), 400);
        await RunningServer.Expect(await server.Writer.PostAsync(Url, new StringContent("x", Encoding.UTF8, "text/plain")), 415);
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/versions/9/estimator"), 404);
        await RunningServer.Expect(await server.Reader.PostAsync(Url, RunningServer.Json(new JsonObject { ["from_log"] = true })), 403);

        Assert.Equal("bundle", (string?)(await RunningServer.Expect(await server.Reader.GetAsync(Url), 200))["source"]);
    }
}
