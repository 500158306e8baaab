using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Monitoring.Telemetry;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// With <c>Vigil:Telemetry:OtlpEndpoint</c> set, the service traces API requests (named by route template), checks,
/// retrains (with the search and the comparison as children), records failures as Error, and exports spans and
/// metrics over OTLP.
/// </summary>
public sealed class SpanTests(TelemetryServer fixture) : IClassFixture<TelemetryServer>
{
    private const string Model = TelemetryServer.Model;

    [Fact]
    public async Task An_api_request_span_is_named_by_its_route_template_and_carries_the_status()
    {
        await RunningServer.Expect(await fixture.Server.Reader.GetAsync($"/api/v1/models/{Model}/checks?limit=3"), 200);
        await RunningServer.Expect(await fixture.Server.Reader.GetAsync($"/api/v1/models/{Model}/checks/999999"), 404);

        var ok = await fixture.Spans.WaitFor(s => IsRequest(s, $"/api/v1/models/{Model}/checks") && Status(s) == 200, "GET checks 200");
        Assert.Equal(ActivityKind.Server, ok.Kind);
        Assert.Equal("GET /api/v1/models/{name}/checks", ok.DisplayName); // the template, not the model's name
        Assert.Equal("/api/v1/models/{name}/checks", ok.GetTagItem("http.route"));
        Assert.Equal(Model, ok.GetTagItem(TelemetryTags.Model));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);

        var missing = await fixture.Spans.WaitFor(s => IsRequest(s, $"/api/v1/models/{Model}/checks/999999"), "GET check 404");
        Assert.Equal("GET /api/v1/models/{name}/checks/{id:long}", missing.DisplayName);
        Assert.Equal(404, Status(missing));
    }

    [Fact]
    public async Task An_api_check_has_a_span_with_model_version_and_outcome_inside_its_request()
    {
        var checkId = await fixture.CheckAsync(Model, 201);

        var check = await fixture.Spans.WaitFor(s => s.OperationName == SpanNames.Check && Equals(s.GetTagItem(TelemetryTags.Model), Model)
            && Equals(s.GetTagItem(TelemetryTags.CheckId), checkId), "vigil.check");
        Assert.Equal("1", check.GetTagItem(TelemetryTags.Version));
        Assert.Equal("api", check.GetTagItem(TelemetryTags.CheckTrigger));
        var stored = await RunningServer.Expect(await fixture.Server.Reader.GetAsync($"/api/v1/models/{Model}/checks/{checkId}"), 200);
        Assert.Equal((string)stored["check"]!["status"]!, check.GetTagItem(TelemetryTags.CheckStatus));
        Assert.Equal(200, check.GetTagItem(TelemetryTags.CheckRows));
        Assert.True(check.GetTagItem(TelemetryTags.CheckLabelledRows) is int labelled && labelled > 0, "the window's labelled rows");
        Assert.IsType<bool>(check.GetTagItem(TelemetryTags.DecisionRetrain));
        Assert.Equal(ActivityStatusCode.Unset, check.Status);
        Assert.Equal(VigilTelemetry.Name, check.Source.Name);
        Assert.Equal(VigilTelemetry.Version, check.Source.Version);

        var request = await fixture.Spans.WaitFor(s => s.SpanId == check.ParentSpanId, "the check's parent");
        Assert.Equal("POST /api/v1/models/{name}/checks", request.DisplayName);
        Assert.Equal(201, Status(request));
    }

    [Fact]
    public async Task A_failing_check_sets_error_status_on_its_span()
    {
        const string Broken = "otel-broken";
        await fixture.Server.RegisterAsync(Broken, "imports/otel-broken");
        await fixture.LogAsync(Broken, 100);
        // The champion's profile goes missing (a damaged workspace): the check cannot run.
        var profile = fixture.Server.Services.GetRequiredService<WorkspaceHost>().Workspace.Registry.GetChampion(Broken)!.ProfilePath!;
        File.Move(profile, profile + ".aside");
        await fixture.CheckAsync(Broken, 422);

        var check = await fixture.Spans.WaitFor(s => s.OperationName == SpanNames.Check && Equals(s.GetTagItem(TelemetryTags.Model), Broken), "failed vigil.check");
        Assert.Equal(ActivityStatusCode.Error, check.Status);
        Assert.Contains("has no reference profile", check.StatusDescription, StringComparison.Ordinal);
        Assert.Equal("failed", check.GetTagItem(TelemetryTags.CheckStatus));
        Assert.Equal("1", check.GetTagItem(TelemetryTags.Version));
        Assert.Equal(typeof(Vigil.Monitoring.Workspace.WorkspaceInputException).FullName, check.GetTagItem(TelemetryTags.ErrorType));
        var exception = Assert.Single(check.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.stacktrace");
    }

    [Fact]
    public async Task A_retrain_has_a_span_with_the_search_and_the_comparison_as_children()
    {
        var accepted = await RunningServer.Expect(
            await fixture.Server.Writer.PostAsJsonAsync($"/api/v1/models/{Model}/retrains", new { max_trials = 2, reason = "telemetry test" }), 202);
        var runId = (long)accepted["id"]!;

        var retrain = await fixture.Spans.WaitFor(s => s.OperationName == SpanNames.Retrain && Equals(s.GetTagItem(TelemetryTags.Model), Model)
            && Equals(s.GetTagItem(TelemetryTags.RetrainRun), runId), "vigil.retrain");
        var run = await RunningServer.Expect(await fixture.Server.Reader.GetAsync($"/api/v1/models/{Model}/retrains/{runId}"), 200);
        Assert.Equal("succeeded", (string)run["status"]!);
        Assert.Equal(Model, retrain.GetTagItem(TelemetryTags.Model));
        Assert.Equal("1", retrain.GetTagItem(TelemetryTags.Version));
        Assert.Equal("succeeded", retrain.GetTagItem(TelemetryTags.RetrainStatus));
        Assert.Equal(((int)run["challenger_version"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), retrain.GetTagItem(TelemetryTags.ChallengerVersion));
        Assert.Equal((bool)run["promoted"]!, retrain.GetTagItem(TelemetryTags.RetrainPromoted));
        Assert.Equal(ActivityStatusCode.Unset, retrain.Status);

        var request = await fixture.Spans.WaitFor(s => s.SpanId == retrain.ParentSpanId, "the retrain's parent");
        var spans = fixture.Spans.Snapshot();
        var search = Assert.Single(spans, s => s.OperationName == SpanNames.RetrainSearch && s.ParentSpanId == retrain.SpanId);
        var compare = Assert.Single(spans, s => s.OperationName == SpanNames.RetrainCompare && s.ParentSpanId == retrain.SpanId);
        Assert.True(compare.StartTimeUtc >= search.StartTimeUtc + search.Duration, "the comparison follows the search");
        Assert.True(compare.GetTagItem(TelemetryTags.HoldoutRows) is int rows && rows > 0);
        // A promoted challenger is refitted on every row, in its own child span.
        Assert.Equal((bool)run["promoted"]! ? 1 : 0, spans.Count(s => s.OperationName == SpanNames.RetrainRefit && s.ParentSpanId == retrain.SpanId));
        // Requested through the API: the retrain belongs to that request's trace.
        Assert.Equal("POST /api/v1/models/{name}/retrains", request.DisplayName);
    }

    [Fact]
    public async Task Spans_and_metrics_reach_the_configured_otlp_endpoint()
    {
        await fixture.CheckAsync(Model, 201);
        Assert.True(fixture.Server.Services.GetRequiredService<TracerProvider>().ForceFlush(30_000), "traces flushed");
        Assert.True(fixture.Server.Services.GetRequiredService<MeterProvider>().ForceFlush(30_000), "metrics flushed");

        var traces = fixture.Receiver.Bodies("/v1/traces");
        Assert.NotEmpty(traces);
        Assert.Contains(fixture.Receiver.Posts, p => p.Path == "/v1/traces" && p.ContentType == "application/x-protobuf");
        Assert.Contains(traces, t => t.Contains(SpanNames.Check, StringComparison.Ordinal) && t.Contains(Model, StringComparison.Ordinal));
        Assert.Contains(traces, t => t.Contains("vigil-telemetry-test", StringComparison.Ordinal)); // service.name
        var metrics = fixture.Receiver.Bodies("/v1/metrics");
        Assert.Contains(metrics, m => m.Contains("vigil.checks", StringComparison.Ordinal) && m.Contains("vigil.check.duration", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Contains("vigil.drift.share", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrapes_and_probes_are_not_traced()
    {
        await RunningServer.Expect(await fixture.Server.Anonymous.GetAsync("/health"), 200);
        using var metrics = await fixture.Server.Reader.GetAsync("/metrics");
        Assert.Equal(200, (int)metrics.StatusCode);
        // A request after them is traced; by the time its span is exported, theirs would have been too.
        await RunningServer.Expect(await fixture.Server.Reader.GetAsync($"/api/v1/models/{Model}"), 200);
        await fixture.Spans.WaitFor(s => IsRequest(s, $"/api/v1/models/{Model}"), "GET model");
        var port = fixture.Server.Address.Port;
        Assert.DoesNotContain(fixture.Spans.Snapshot(), s => Equals(s.GetTagItem("server.port"), port)
            && s.GetTagItem("url.path") is "/health" or "/metrics");
    }

    private bool IsRequest(Activity span, string path) =>
        span.Kind == ActivityKind.Server && Equals(span.GetTagItem("url.path"), path) && Equals(span.GetTagItem("server.port"), fixture.Server.Address.Port);

    private static int? Status(Activity span) => span.GetTagItem("http.response.status_code") as int?;
}
