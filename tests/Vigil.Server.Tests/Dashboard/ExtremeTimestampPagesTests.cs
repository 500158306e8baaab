using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// A workspace may hold rows at any instant .NET can represent: the API now refuses year 1 and 9999, but older
/// servers took them, and library callers still can. One such row made the model page, the column page and the HTML
/// report answer 500 for good (a chart padded its time axis past DateTimeOffset.MaxValue). They must render.
/// </summary>
public sealed class ExtremeTimestampPagesTests
{
    [Fact]
    public async Task Pages_and_reports_render_when_rows_lie_at_year_1_and_year_9999()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 200))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 200))), 200);

        var store = server.Services.GetRequiredService<WorkspaceHost>().Workspace.Store;
        var features = TrainedModel.Rows(0, 1)[0]!["features"]!.AsObject()
            .ToDictionary(p => p.Key, p => (object?)(double)p.Value!);
        var edges = new[] { DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(1, 1, 1, 13, 0, 0, TimeSpan.Zero) };
        store.LogPredictions("churn", edges.Select((at, i) => new PredictionRecord("edge-" + i, at, features, "1", 0.5, 1)).ToList());
        store.LogLabels("churn", edges.Select((_, i) => new LabelRecord("edge-" + i, "1", null)).ToList());

        // Checks whose windows reach both ends, and one on the far-future row alone.
        await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 1000 }), 201);
        await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 100 }), 201);
        await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 1 }), 201);

        foreach (var path in new[] { "/", "/models/churn", "/models/churn/columns/f0", "/api/v1/models/churn/report.html", "/api/v1/models/churn/report" })
        {
            using var response = await server.Reader.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
