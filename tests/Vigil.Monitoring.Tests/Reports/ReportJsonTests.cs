using System.Text.Json;
using Vigil.Monitoring.Reporting;

namespace Vigil.Monitoring.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void RoundTripKeepsEveryField()
    {
        var report = SampleReports.Realistic();
        var json = ReportJson.Serialize(report);
        var back = ReportJson.Deserialize(json);

        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(report.ModelName, back.ModelName);
        Assert.Equal(report.GeneratedAt, back.GeneratedAt);
        Assert.Equal(8, back.MetricTimeline[0].Points.Count);
        Assert.Equal(report.LatestDrift[1].PValueAdjusted, back.LatestDrift[1].PValueAdjusted);
        Assert.Equal(6, back.DriftHeatmap!.Cells.Count);
        Assert.Equal(0.909, back.Champion!.Metrics["accuracy"]);
        Assert.True(back.Versions[1].IsChampion);
    }

    [Fact]
    public void UsesSnakeCaseAndOmitsNulls()
    {
        var json = ReportJson.Serialize(SampleReports.Realistic());
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.True(root.TryGetProperty("model_name", out _));
        Assert.True(root.TryGetProperty("metric_timeline", out _));
        Assert.True(root.GetProperty("summary").TryGetProperty("latest_status", out _));
        var firstPoint = root.GetProperty("metric_timeline")[1].GetProperty("points")[0];
        Assert.False(firstPoint.TryGetProperty("ci_low", out _));
        Assert.True(root.GetProperty("metric_timeline")[0].GetProperty("points")[0].TryGetProperty("ci_low", out _));
        Assert.Contains("\n  ", json, StringComparison.Ordinal);
        var drift = root.GetProperty("latest_drift")[0];
        foreach (var name in new[] { "p_value", "p_value_adjusted", "jensen_shannon", "wasserstein_normed", "histogram" })
        {
            Assert.True(drift.TryGetProperty(name, out _), name);
        }

        Assert.True(drift.GetProperty("histogram").TryGetProperty("reference_shares", out _));
        Assert.True(root.GetProperty("drift_heatmap").GetProperty("cells")[0][0].TryGetProperty("adjusted_p", out _));
        Assert.True(root.GetProperty("metric_timeline")[0].TryGetProperty("lower_threshold", out _));
        // A categorical column has no Wasserstein distance: the field is left out, not written as null.
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteValuesSurviveRoundTrip()
    {
        var back = ReportJson.Deserialize(ReportJson.Serialize(SampleReports.NonFinite()));
        Assert.True(double.IsNaN(back.MetricTimeline[0].Points[1].Value));
        Assert.True(double.IsPositiveInfinity(back.LatestDrift[0].Psi!.Value));
    }

    [Fact]
    public void EmptyReportRoundTrips()
    {
        var json = ReportJson.Serialize(SampleReports.Empty());
        var back = ReportJson.Deserialize(json);
        Assert.Empty(back.LatestDrift);
        Assert.Null(back.Champion);
        Assert.Equal("stable", back.Summary.Trend);
    }
}
