using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>
/// Issue #17's observed case, as a new user would try it: a model trained on weather-like data, then 500 labelled
/// rows whose humidity, cloud cover and pressure are moved by one standard deviation (the labels kept). Accuracy and
/// recall collapse while the ranking (ROC AUC) barely moves; before watched metrics only ROC AUC decided, so the check
/// said "warning", exit 0, and Confident degradation did not fire.
/// </summary>
public sealed class ObservedCaseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-observed-").FullName;

    /// <summary>Rain tomorrow from today's weather: about a third of the days are rainy.</summary>
    internal static Table Weather(int rows, int seed, double shift = 0)
    {
        var random = new Random(seed);
        var temperature = new double[rows];
        var humidity = new double[rows];
        var pressure = new double[rows];
        var wind = new double[rows];
        var cloud = new double[rows];
        var rain = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            double Z() => MonitoringTestData.Normal(random);
            var h = Z();
            var c = (0.6 * h) + (0.8 * Z());
            var p = (-0.4 * h) + (0.9 * Z());
            var t = Z();
            var logit = -1.3 + (1.8 * h) + (1.1 * c) - (1.2 * p) + (0.3 * t);
            rain[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
            // The shift moves the inputs after the label is drawn: the rows keep their labels, as in the issue.
            humidity[i] = 65 + (15 * (h - shift));
            cloud[i] = 4 + (2 * (c - shift));
            pressure[i] = 1013 + (8 * (p + shift));
            temperature[i] = 15 + (6 * t);
            wind[i] = Math.Abs(12 + (6 * Z()));
        }

        return new Table([
            new NumericColumn("temperature", temperature), new NumericColumn("humidity", humidity), new NumericColumn("pressure", pressure),
            new NumericColumn("wind", wind), new NumericColumn("cloud", cloud), new NumericColumn("rain_tomorrow", rain),
        ]);
    }

    [Fact]
    public void ThreeFeaturesShiftedByOneSd_AccuracyAndRecallCollapse_Alarms()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("weather", Weather(3000, seed: 1), new TrainRequest
        {
            Label = "rain_tomorrow", TimeBudget = null, MaxTrials = 6, Seed = 2, Learners = ["lgbm"], CreatedBy = "test",
        });

        var calm = monitor.Check("weather", Weather(500, seed: 3));
        Assert.False(calm.Result.Performance!.Degraded, string.Join("; ", calm.Result.Reasons));

        var shifted = monitor.Check("weather", Weather(500, seed: 4, shift: 1));
        var performance = shifted.Result.Performance!;
        var recall = performance.Metrics.Single(m => m.Name == "recall");
        var accuracy = performance.Metrics.Single(m => m.Name == "accuracy");
        Assert.True(recall.Value < 0.5 * recall.Baseline, $"recall {recall.Value} vs {recall.Baseline}");
        var figures = string.Join("; ", performance.Metrics.Select(m => $"{m.Name} {m.Value:F3} vs {m.Baseline:F3} [{m.ChangeLower:F3}, {m.ChangeUpper:F3}] {(m.Degraded ? "degraded" : "")}"));
        Assert.True(accuracy.Degraded && recall.Degraded, figures);
        // As in the issue, the ranking holds: ROC AUC alone (the rule before #17) would not have raised the alarm.
        Assert.False(performance.Metrics.Single(m => m.Name == "roc_auc").Degraded, figures);
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall"], performance.Watched);
        Assert.Contains("recall", performance.DecidedBy);
        Assert.Contains("accuracy", performance.DecidedBy);
        Assert.True(performance.Degraded);
        Assert.Equal(MonitoringStatus.Alarm, shifted.Result.Status);
        Assert.Contains(shifted.Result.Reasons, r => r.StartsWith("performance degraded:", StringComparison.Ordinal) && r.Contains("recall", StringComparison.Ordinal));
        var trigger = shifted.Decision.Triggers.Single(t => t.Trigger == RetrainTrigger.ConfidentDegradation);
        Assert.True(trigger.Fired);
        Assert.Contains("recall", trigger.Detail, StringComparison.Ordinal);
        Assert.Contains("accuracy", trigger.Detail, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
