using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Reporting;
using Vigil.Rendering;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;
using static Vigil.Monitoring.Tests.Reporting.ReportingTestData;

namespace Vigil.Monitoring.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private static readonly TimeProvider Now = new ManualClock(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FullHistory_MapsEverySection()
    {
        using var ws = new TempWorkspace();
        var p1 = Profile(0.85, seed: 1);
        Register(ws, p1, "initial AutoML search");
        double[] accuracy = [0.86, 0.85, 0.74, 0.60];
        double[] shift = [0, 0, 1.0, 1.5];
        var checks = accuracy.Select((a, day) => Check(ws, p1, 1, day, a, shift[day])).ToArray();
        ws.Clock.Advance(TimeSpan.FromHours(1));
        Decide(ws, checks[0].Id, retrain: false);
        Decide(ws, checks[^1].Id, retrain: true);
        ws.Clock.Advance(TimeSpan.FromHours(1));
        var run = ws.Workspace.Store.StartRetrain(Model, ws.Clock.GetUtcNow(), "accuracy degraded");
        ws.Clock.Advance(TimeSpan.FromHours(1));
        var p2 = Profile(0.90, seed: 2);
        Register(ws, p2, "retrained on fresh data", champion: false, parent: 1);
        ws.Workspace.Store.FinishRetrain(run, RetrainStatus.Succeeded, 2, true, null);
        ws.Clock.Advance(TimeSpan.FromHours(1));
        ws.Workspace.Registry.Promote(Model, 2, "beat v1 on the fresh holdout", "retrain");
        ws.Clock.Advance(TimeSpan.FromHours(1));
        Register(ws, null, "experiment", champion: false);
        ws.Workspace.Registry.RecordKept(Model, 3, "v3 no better", "retrain");

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        Assert.Equal(Now.GetUtcNow(), report.GeneratedAt);
        Assert.Equal("binary", report.Task);
        Assert.Equal("accuracy", report.PrimaryMetric);
        Assert.Equal(["v1", "v2", "v3"], report.Versions.Select(v => v.Version));
        Assert.Equal("v2", report.Champion!.Version);
        Assert.Equal([false, true, false], report.Versions.Select(v => v.IsChampion));
        Assert.Equal("initial AutoML search", report.Versions[0].Reason);
        Assert.Equal(p1.Baseline!.Metrics["accuracy"], report.Versions[0].Metrics["accuracy"]);

        // Summary: baseline of the champion (v2) and the latest value. The trend is the current champion's (#17): every
        // check here ran against v1, so v2 has no trend yet (before #17 this said "declining", v1's slope of −0.089).
        var s = report.Summary;
        Assert.Equal(4, s.TotalEvaluations);
        Assert.Equal(0.60, s.LatestValue!.Value, 12);
        Assert.Equal(p2.Baseline!.Metrics["accuracy"], s.Baseline);
        Assert.Null(s.TrendSlope);
        Assert.Equal("stable", s.Trend);
        Assert.Null(s.TrendVersion);
        Assert.Equal(0, s.TrendPoints);
        Assert.Equal(checks[^1].Result.Status.ToString().ToLowerInvariant(), s.LatestStatus);

        // Timeline: primary first, then the check's report order; CIs on the metric's scale; threshold of the judging check.
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall", "f1", "log_loss"], report.MetricTimeline.Select(m => m.Metric));
        var acc = report.MetricTimeline[0];
        Assert.Equal(accuracy, acc.Points.Select(p => Math.Round(p.Value, 12)));
        Assert.Equal(checks.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), acc.Points.Select(p => p.CheckId));
        Assert.Equal(checks.Select(c => c.Result.Window.End), acc.Points.Select(p => p.At));
        Assert.All(acc.Points, p => Assert.Equal(400, p.Rows));
        Assert.Equal(0.85 - (0.05 * 0.85), acc.LowerThreshold!.Value, 12);
        Assert.Equal(p2.Baseline.Metrics["accuracy"], acc.Baseline);
        for (var i = 0; i < checks.Length; i++)
        {
            var change = checks[i].Result.Performance!.Metrics.Single(m => m.Name == "accuracy");
            Assert.Equal(change.Baseline + change.ChangeLower, acc.Points[i].CiLow);
            Assert.Equal(change.Baseline + change.ChangeUpper, acc.Points[i].CiHigh);
            Assert.Equal(change.Degraded, acc.Points[i].Degraded);
        }

        Assert.True(acc.Points[^1].Degraded);
        var logLoss = report.MetricTimeline[^1];
        Assert.False(logLoss.HigherIsBetter);
        var llChange = checks[^1].Result.Performance!.Metrics.Single(m => m.Name == "log_loss");
        Assert.Equal(llChange.Baseline + llChange.AllowedDrop, logLoss.LowerThreshold);

        // Latest drift, with both sides of the histogram from the bins the check's drift test used.
        Assert.Equal(["f0", "f1", "f2", "plan"], report.LatestDrift.Select(d => d.Name));
        var f0 = report.LatestDrift[0];
        Assert.True(f0.Drifted);
        Assert.Equal("ks", f0.Test);
        Assert.NotNull(f0.Statistic);
        var compared = checks[^1].Result.Drift.Features.Columns[0].Histogram!;
        Assert.Equal(compared.Edges.Count + 1, f0.Histogram!.BinLabels.Count);
        Assert.StartsWith("≤ ", f0.Histogram.BinLabels[0], StringComparison.Ordinal);
        Assert.StartsWith("> ", f0.Histogram.BinLabels[^1], StringComparison.Ordinal);
        Assert.Equal(1.0, f0.Histogram.ReferenceShares.Sum(), 9);
        Assert.Equal(1.0, f0.Histogram.CurrentShares.Sum(), 9);
        Assert.Equal(compared.CurrentShares, f0.Histogram.CurrentShares);
        var plan = report.LatestDrift[3];
        Assert.Equal(("categorical", "chi2"), (plan.Type, plan.Test));
        Assert.Equal(Plans.Order(StringComparer.Ordinal), plan.Histogram!.BinLabels.Order(StringComparer.Ordinal));

        // Heatmap: 4 columns × 4 checks, oldest first.
        var heat = report.DriftHeatmap!;
        Assert.Equal(4, heat.Columns.Count);
        Assert.Equal(checks.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), heat.Checks.Select(c => c.CheckId));
        Assert.All(heat.Cells, row => Assert.Equal(4, row.Count));
        Assert.True(heat.Cells[0][3].Drifted);
        Assert.NotNull(heat.Cells[0][3].AdjustedP);

        Assert.Equal(checks[^1].Result.Quality.Findings.Count, report.QualityFindings.Count);

        // Events: oldest first, causal order kept at equal instants; the "no retrain" decision is not an event.
        var alarms = checks.Count(c => c.Result.Status == MonitoringStatus.Alarm);
        Assert.True(alarms >= 1);
        string[] expected =
        [
            "registered", "promotion", .. Enumerable.Repeat("check_alarm", alarms),
            "retrain_decision", "retrain", "registered", "promotion", "registered", "kept_champion",
        ];
        Assert.Equal(expected, report.Events.Select(e => e.Kind));
        Assert.Equal(report.Events.Select(e => e.At).Order(), report.Events.Select(e => e.At));
        var kept = report.Events[^1];
        Assert.Equal("v2", kept.Version);
        Assert.Contains("v3", kept.Title, StringComparison.Ordinal);
        Assert.Contains("status succeeded", report.Events.Single(e => e.Kind == "retrain").Detail, StringComparison.Ordinal);
        Assert.Contains("accuracy degraded with confidence", report.Events.Single(e => e.Kind == "retrain_decision").Detail, StringComparison.Ordinal);

        // Renders and round-trips.
        var json = ReportJson.Serialize(report);
        Assert.Contains("\"primary_metric\": \"accuracy\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ReportJson.Serialize(ReportJson.Deserialize(json)));
        var html = HtmlReport.Render(report);
        Assert.Contains(Model, html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);

        // maxChecks bounds every check-based section.
        var recent = ReportBuilder.Build(ws.Workspace, Model, Now, maxChecks: 2);
        Assert.Equal(2, recent.Summary.TotalEvaluations);
        Assert.Equal(2, recent.MetricTimeline[0].Points.Count);
        Assert.Equal(2, recent.DriftHeatmap!.Checks.Count);
    }

    [Fact]
    public void BaselineStepsAtEachPromotion_TrendSinceTheCurrentChampion_WatchedVocabulary()
    {
        using var ws = new TempWorkspace();
        var p1 = Profile(0.85, seed: 1);
        Register(ws, p1, "first");
        Check(ws, p1, 1, 0, 0.86);
        Check(ws, p1, 1, 1, 0.80);
        Check(ws, p1, 1, 2, 0.70);
        var p2 = Profile(0.90, seed: 2);
        Register(ws, p2, "retrained", champion: false, parent: 1);
        ws.Workspace.Registry.Promote(Model, 2, "better", "retrain");
        Check(ws, p2, 2, 3, 0.88);
        Check(ws, p2, 2, 4, 0.89);
        var (last, _) = Check(ws, p2, 2, 5, 0.90);

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        var acc = report.MetricTimeline[0];
        Assert.Equal(["v1", "v1", "v1", "v2", "v2", "v2"], acc.Points.Select(p => p.Version));
        Assert.Equal(2, acc.BaselineSteps.Count);
        Assert.Equal(("v1", p1.Baseline!.Metrics["accuracy"]), (acc.BaselineSteps[0].Version, acc.BaselineSteps[0].Value));
        Assert.Equal(("v2", p2.Baseline!.Metrics["accuracy"]), (acc.BaselineSteps[1].Version, acc.BaselineSteps[1].Value));
        Assert.Equal(acc.Points[3].At, acc.BaselineSteps[1].From);
        Assert.Equal(p1.Baseline.Metrics["accuracy"], acc.Points[0].Baseline);

        // The v1 decline does not count: v2's three points rise by 0.01 per evaluation.
        Assert.Equal(0.01, report.Summary.TrendSlope!.Value, 9);
        Assert.Equal("improving", report.Summary.Trend);
        Assert.Equal(("v2", 3), (report.Summary.TrendVersion, report.Summary.TrendPoints));

        // One vocabulary: the report says what the latest labelled check watched and what decided it.
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall"], report.Watched);
        Assert.Equal(last.Performance!.DecidedBy, report.DecidedBy);
        Assert.Equal(last.Performance.Degraded, report.PerformanceDegraded);
        Assert.True(acc.Watched);
        Assert.False(report.MetricTimeline.Single(m => m.Metric == "f1").Watched);
        var json = ReportJson.Serialize(report);
        foreach (var field in new[] { "\"watched\"", "\"decided_by\"", "\"baseline_steps\"", "\"trend_version\"", "\"primary_metric\"" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }

        var html = HtmlReport.Render(report);
        Assert.Contains("watched <b>accuracy, roc_auc, precision, recall</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("primary metric", html, StringComparison.Ordinal);
        Assert.Contains("Baseline of v1", html, StringComparison.Ordinal);
        Assert.Contains("Baseline of v2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionsWithoutProfileOrChecks_GiveEmptySections()
    {
        using var ws = new TempWorkspace();
        Register(ws, null, "first");

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        Assert.Equal("v1", report.Champion!.Version);
        Assert.Equal("binary", report.Task);
        Assert.Equal("roc_auc", report.PrimaryMetric); // no accuracy anywhere: the check's default primary
        Assert.Empty(report.MetricTimeline);
        Assert.Empty(report.LatestDrift);
        Assert.Null(report.DriftHeatmap);
        Assert.Empty(report.QualityFindings);
        Assert.Equal(0, report.Summary.TotalEvaluations);
        Assert.Null(report.Summary.LatestValue);
        Assert.Null(report.Summary.TrendSlope);
        Assert.Equal("stable", report.Summary.Trend);
        Assert.Equal(["registered", "promotion"], report.Events.Select(e => e.Kind));
        Assert.Contains("No data yet", HtmlReport.Render(report), StringComparison.Ordinal);
        Assert.NotEmpty(ReportJson.Serialize(report));
    }

    [Fact]
    public void ChampionWithoutProfile_TakesBaselineFromChecks_AndHistogramsFromTheChecks()
    {
        using var ws = new TempWorkspace();
        var profile = Profile(0.85, seed: 1);
        Register(ws, null, "no profile kept");
        Check(ws, profile, 1, 0, 0.84);
        Check(ws, profile, 1, 1, 0.845);

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        Assert.Equal("accuracy", report.PrimaryMetric);
        Assert.Equal(0.85, report.Summary.Baseline!.Value, 12);
        Assert.Equal(0.85, report.MetricTimeline[0].Baseline!.Value, 12);
        Assert.Equal("stable", report.Summary.Trend); // rise 0.005 < 1 % of 0.85
        Assert.All(report.LatestDrift, d => Assert.Equal(d.Histogram!.ReferenceShares.Count, d.Histogram.CurrentShares.Count)); // from the checks, not the profile
        Assert.DoesNotContain(report.QualityFindings, f => f.Kind.StartsWith("unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownOrInvalidModel_ThrowsWorkspaceInputException()
    {
        using var ws = new TempWorkspace();
        var empty = Assert.Throws<WorkspaceInputException>(() => ReportBuilder.Build(ws.Workspace, "nope"));
        Assert.Contains("no models yet", empty.Message, StringComparison.Ordinal);
        Register(ws, null, "first");
        var unknown = Assert.Throws<WorkspaceInputException>(() => ReportBuilder.Build(ws.Workspace, "nope"));
        Assert.Contains("'nope' is not registered", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(Model, unknown.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceInputException>(() => ReportBuilder.Build(ws.Workspace, "../etc"));
    }

    [Fact]
    public void CorruptResultOrProfile_IsSkippedWithANote()
    {
        using var ws = new TempWorkspace();
        var profile = Profile(0.85, seed: 1);
        var v1 = Register(ws, profile, "first");
        var first = Check(ws, profile, 1, 0, 0.86);
        Check(ws, profile, 1, 1, 0.84);
        ws.Clock.Advance(TimeSpan.FromDays(1));
        var corruptId = Save(ws, 1, first.Result, "{ this is not json");
        File.WriteAllText(v1.ProfilePath!, "garbage");

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        Assert.Equal(3, report.Summary.TotalEvaluations);
        Assert.Equal(2, report.MetricTimeline[0].Points.Count);
        Assert.Equal(2, report.DriftHeatmap!.Checks.Count);
        Assert.Equal(0.84, report.Summary.LatestValue!.Value, 12);
        var note = Assert.Single(report.QualityFindings, f => f.Kind == "unreadable_check");
        Assert.Equal("warning", note.Severity);
        Assert.Contains($"Check {corruptId} ", note.Detail, StringComparison.Ordinal);
        Assert.Single(report.QualityFindings, f => f.Kind == "unreadable_profile");
        Assert.All(report.LatestDrift, d => Assert.NotEmpty(d.Histogram!.CurrentShares)); // the check still has its bins
        Assert.Equal(0.85, report.Summary.Baseline!.Value, 12); // from the registered metrics
        Assert.NotEmpty(HtmlReport.Render(report));
    }

    [Fact]
    public void Rollback_IsARollbackEventOnTheRestoredVersion()
    {
        using var ws = new TempWorkspace();
        Register(ws, null, "first");
        ws.Clock.Advance(TimeSpan.FromHours(1));
        Register(ws, null, "second", champion: true);
        ws.Clock.Advance(TimeSpan.FromHours(1));
        ws.Workspace.Registry.Rollback(Model, "bad in prod", "alice");

        var report = ReportBuilder.Build(ws.Workspace, Model, Now);

        Assert.Equal(["registered", "promotion", "registered", "promotion", "rollback"], report.Events.Select(e => e.Kind));
        var rollback = report.Events[^1];
        Assert.Equal("v1", rollback.Version);
        Assert.Equal("Rolled back from v2 to v1", rollback.Title);
        Assert.Equal("bad in prod (by alice)", rollback.Detail);
        Assert.Equal("v1", report.Champion!.Version);
    }
}
