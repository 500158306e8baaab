using System.Net.Http.Json;
using System.Text;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>/api/v1/models/{name}/watched</c>: the watched metrics a model's checks use, where they come from (stored for
/// the model, configured per model, configured default, task default), and the check result that follows them.
/// </summary>
public sealed class WatchApiTests
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task GetPutDeleteFollowTheOrderOfSettings()
    {
        await using var server = await RunningServer.StartAsync(new()
        {
            ["Vigil:Scheduler:Enabled"] = "false",
            ["Vigil:Watch:Default"] = "accuracy:0.02,rmse",
        });
        await server.RegisterAsync("churn");

        var configured = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/watched"), 200);
        Assert.Equal("configured_default", (string?)configured["source"]);
        Assert.Equal("accuracy:0.02", (string?)configured["watch"]); // rmse is not a binary metric: left out for this model
        Assert.Equal(0.95, (double)configured["interval_level"]!, 12);

        var set = await RunningServer.Expect(await server.Writer.PutAsync("/api/v1/models/churn/watched",
            Body("{\"metrics\":[{\"name\":\"recall\",\"max_relative_drop\":0.1},{\"name\":\"roc_auc\"}]}")), 200);
        Assert.Equal("model", (string?)set["source"]);
        Assert.Equal("recall:0.1,roc_auc", (string?)set["watch"]);
        Assert.Equal(0.05, (double)set["metrics"]![1]!["max_relative_drop"]!, 12); // the default drop, made explicit
        Assert.Equal(1 - (0.05 / 2), (double)set["interval_level"]!, 12);

        // The next check judges exactly those.
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 60, "w"))), 200);
        var check = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/checks", Body("{\"last\":60}")), 201);
        Assert.NotNull(check["result"]);

        var text = await server.Writer.PutAsync("/api/v1/models/churn/watched", Body("{\"watch\":\"precision:5%\"}"));
        Assert.Equal("precision:0.05", (string?)(await RunningServer.Expect(text, 200))["watch"]);

        var reset = await RunningServer.Expect(await server.Writer.DeleteAsync("/api/v1/models/churn/watched"), 200);
        Assert.Equal("configured_default", (string?)reset["source"]);
    }

    [Theory]
    [InlineData("{\"watch\":\"recal\"}", 400, "'recal' is not a metric Vigil watches")]
    [InlineData("{\"watch\":\"rmse\"}", 422, "'rmse' is not a metric Vigil tracks for binary models")]
    [InlineData("{\"metrics\":[{\"name\":\"recall\",\"max_relative_drop\":1.5}]}", 400, "[0, 1)")]
    [InlineData("{\"metrics\":[{\"max_relative_drop\":0.1}]}", 400, "metrics[0] has no 'name'")]
    [InlineData("{\"metrics\":[],\"watch\":\"recall\"}", 400, "not both")]
    [InlineData("{\"metrics\":[]}", 400, "at least one metric")]
    public async Task BadListsAreProblemsAndChangeNothing(string body, int status, string detail)
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:Scheduler:Enabled"] = "false" });
        await server.RegisterAsync("churn");
        var response = await server.Writer.PutAsync("/api/v1/models/churn/watched", Body(body));
        var problem = await RunningServer.Expect(response, status);
        Assert.Contains(detail, (string?)problem["detail"], StringComparison.Ordinal);
        var now = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/watched"), 200);
        Assert.Equal("task_default", (string?)now["source"]);
        Assert.Equal("accuracy,roc_auc,precision,recall", (string?)now["watch"]);
    }

    [Fact]
    public async Task PerModelConfigurationAppliesAndABadConfiguredListStopsTheStart()
    {
        await using (var server = await RunningServer.StartAsync(new()
        {
            ["Vigil:Scheduler:Enabled"] = "false",
            ["Vigil:Watch:Models:churn"] = "recall:0.2",
        }))
        {
            await server.RegisterAsync("churn");
            var watched = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/watched"), 200);
            Assert.Equal("configuration", (string?)watched["source"]);
            Assert.Equal("recall:0.2", (string?)watched["watch"]);
            Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/models/nobody/watched")).StatusCode);
        }

        var e = await Assert.ThrowsAnyAsync<Exception>(() => RunningServer.StartAsync(new() { ["Vigil:Watch:Models:churn"] = "recall:2" }));
        Assert.Contains("Vigil:Watch:Models:churn", e.ToString(), StringComparison.Ordinal);
    }
}
