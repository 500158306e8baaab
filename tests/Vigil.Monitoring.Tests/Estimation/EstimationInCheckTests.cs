using System.Text.Json;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// Estimation inside a window check: the status, the policy's EstimatedDegradation reason, the JSON contract and the
/// stored history.
/// </summary>
public class EstimationInCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
    private static readonly RetrainContext Ready = new(1000, Now.AddDays(-3), [Now.AddDays(-3)], Now);

    private static readonly PredictionSet Holdout = SyntheticScores.Binary(4000, 11, SyntheticScores.Spread);
    private static readonly PerformanceEstimator Estimator = PerformanceEstimator.TryFit(Holdout, null, null, out _)!;

    // The rows' one feature is the score's log-odds, so the drift check sees the shift as well.
    private static (Table Rows, ScoredRows Scores, PredictionSet Outcomes) Window(int seed, Func<Random, double> truth)
    {
        var set = SyntheticScores.Binary(2000, seed, truth);
        var feature = set.Probabilities!.Select(p => Math.Log(p / (1 - p))).ToArray();
        return (new Table([new NumericColumn("x", feature)]), ScoredRows.From(set)!, set);
    }

    private static WindowMonitor Monitor()
    {
        var reference = new Table([new NumericColumn("x", Holdout.Probabilities!.Select(p => Math.Log(p / (1 - p))).ToArray())]);
        var profile = ReferenceProfile.Build(reference, null, AutoMLTask.Binary) with { Baseline = Baseline.FromHoldout(Holdout) };
        return new WindowMonitor("m", "1", profile, estimator: Estimator);
    }

    private static MonitoringResult Check(Table rows, ScoredRows scores, PredictionSet? outcomes = null) =>
        Monitor().Check(new MonitoringWindow { Start = Now.AddDays(-1), End = Now, Rows = rows, Predictions = scores, Outcomes = outcomes });

    [Fact]
    public void AHardWindowWithoutLabels_AlarmsAndFiresEstimatedDegradation()
    {
        var (rows, scores, _) = Window(12, SyntheticScores.Hard);
        var result = Check(rows, scores);
        Assert.Null(result.Performance);
        Assert.NotNull(result.EstimatedPerformance);
        Assert.True(result.EstimatedPerformance!.Degraded);
        Assert.Equal(MonitoringStatus.Alarm, result.Status);
        Assert.Contains(result.Reasons, r => r.StartsWith("estimated performance degraded (CBPE", StringComparison.Ordinal) && r.Contains("accuracy ≈", StringComparison.Ordinal));

        var decision = new RetrainPolicy().Evaluate(result, Ready);
        var reason = decision.Triggers.Single(t => t.Trigger == RetrainTrigger.EstimatedDegradation);
        Assert.Equal(TriggerKind.Reason, reason.Kind);
        Assert.True(reason.Fired, reason.Detail);
        Assert.Contains("accuracy", reason.Detail, StringComparison.Ordinal);
        Assert.True(decision.Retrain);

        var off = new RetrainPolicy { OnEstimatedDegradation = false }.Evaluate(result, Ready);
        Assert.Equal("disabled", off.Triggers.Single(t => t.Trigger == RetrainTrigger.EstimatedDegradation).Detail);
    }

    [Fact]
    public void ACalmWindowWithoutLabels_IsEstimatedButNotDegraded()
    {
        var (rows, scores, _) = Window(13, SyntheticScores.Spread);
        var result = Check(rows, scores);
        Assert.False(result.EstimatedPerformance!.Degraded);
        Assert.NotEqual(MonitoringStatus.Alarm, result.Status);
        var reason = new RetrainPolicy().Evaluate(result, Ready).Triggers.Single(t => t.Trigger == RetrainTrigger.EstimatedDegradation);
        Assert.False(reason.Fired);
        Assert.StartsWith("not degraded (cbpe): accuracy ≈", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabels_TheMeasuredPerformanceDecides_AndTheRealisedValuesStandBesideTheEstimates()
    {
        var (rows, scores, outcomes) = Window(14, SyntheticScores.Hard);
        var result = Check(rows, scores, outcomes);
        Assert.NotNull(result.Performance);
        Assert.True(result.EstimatedPerformance!.Degraded);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("estimated", StringComparison.Ordinal));
        var reason = new RetrainPolicy().Evaluate(result, Ready).Triggers.Single(t => t.Trigger == RetrainTrigger.EstimatedDegradation);
        Assert.False(reason.Fired);
        Assert.Contains("measured performance decides", reason.Detail, StringComparison.Ordinal);
        var accuracy = result.EstimatedPerformance.Metrics.Single(m => m.Name == "accuracy");
        Assert.Equal(result.Performance!.Metrics.Single(m => m.Name == "accuracy").Value, accuracy.Realised);
    }

    [Fact]
    public void WithoutAnEstimator_TheWindowSaysWhy()
    {
        var (rows, scores, _) = Window(15, SyntheticScores.Spread);
        var reference = new Table([new NumericColumn("x", [0.0, 1.0, 2.0])]);
        var monitor = new WindowMonitor("m", "1", ReferenceProfile.Build(reference), noEstimator: "version 1 has no performance estimator");
        var result = monitor.Check(new MonitoringWindow { Start = Now, End = Now, Rows = rows, Predictions = scores });
        Assert.Equal("none", result.EstimatedPerformance!.Method);
        Assert.Empty(result.EstimatedPerformance.Metrics);
        Assert.Equal(["version 1 has no performance estimator"], result.EstimatedPerformance.Notes);
    }

    [Fact]
    public void TheJsonCarriesMethodAndEveryMetricWithItsBand()
    {
        var (rows, scores, _) = Window(16, SyntheticScores.Hard);
        using var doc = JsonDocument.Parse(MonitoringJson.Serialize(Check(rows, scores)));
        var estimated = doc.RootElement.GetProperty("estimated_performance");
        Assert.Equal("cbpe", estimated.GetProperty("method").GetString());
        Assert.True(estimated.GetProperty("degraded").GetBoolean());
        var names = new List<string>();
        foreach (var m in estimated.GetProperty("metrics").EnumerateArray())
        {
            names.Add(m.GetProperty("name").GetString()!);
            foreach (var field in new[] { "value", "lower", "upper", "baseline" })
            {
                Assert.Equal(JsonValueKind.Number, m.GetProperty(field).ValueKind);
            }

            Assert.True(m.GetProperty("lower").GetDouble() <= m.GetProperty("value").GetDouble());
            Assert.True(m.GetProperty("value").GetDouble() <= m.GetProperty("upper").GetDouble());
            Assert.Contains(m.GetProperty("degraded").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        }

        Assert.Equal(["accuracy", "roc_auc", "precision", "recall", "f1", "specificity", "log_loss"], names);
    }

    [Fact]
    public void StoredResults_ReadBackWithTheEstimate_AndOldOnesWithout()
    {
        var (rows, scores, _) = Window(17, SyntheticScores.Hard);
        var result = Check(rows, scores);
        var json = MonitoringJson.Serialize(result);
        var entry = HistoryJson.Read(Record(json));
        Assert.True(entry.IsReadable, entry.Error);
        Assert.Equal(result.EstimatedPerformance!.Metrics.Select(m => m.Value), entry.Result!.EstimatedPerformance!.Metrics.Select(m => m.Value));

        // A result written before estimation existed: the same JSON without the field.
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("estimated_performance");
        var old = HistoryJson.Read(Record(node.ToJsonString()));
        Assert.True(old.IsReadable, old.Error);
        Assert.Null(old.Result!.EstimatedPerformance);

        // A later method name and an extra field read too: the method is text, unknown fields are skipped.
        var later = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        later["estimated_performance"]!["method"] = "future_method";
        later["estimated_performance"]!["extra"] = 1;
        var read = HistoryJson.Read(Record(later.ToJsonString()));
        Assert.True(read.IsReadable, read.Error);
        Assert.Equal("future_method", read.Result!.EstimatedPerformance!.Method);
    }

    private static CheckRecord Record(string json) => new("m", 1, Now, Now.AddDays(-1), Now, 2000, true, "alarm", json);
}
