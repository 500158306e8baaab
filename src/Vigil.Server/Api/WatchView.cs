using Vigil.Monitoring.Checks;

namespace Vigil.Server.Api;

/// <summary>A model's watched metrics as its checks use them now.</summary>
/// <param name="Source"><c>model</c> (stored for the model), <c>configuration</c> (Vigil:Watch:Models), <c>configured_default</c> (Vigil:Watch:Default) or <c>task_default</c>.</param>
/// <param name="Watch">The same list in the CLI's form, e.g. <c>accuracy:0.05,recall</c>.</param>
/// <param name="IntervalLevel">Bonferroni-adjusted level of each metric's interval.</param>
public sealed record WatchView(
    string Model,
    string Task,
    IReadOnlyList<WatchedMetricView> Metrics,
    WatchSource Source,
    string Watch,
    double Level,
    double IntervalLevel,
    DateTimeOffset? SetAt,
    string? SetBy)
{
    public static WatchView From(EffectiveWatch w) => new(
        w.Model, w.Task.ToString().ToLowerInvariant(),
        w.Metrics.Metrics.Select(m => new WatchedMetricView(m.Name, m.MaxRelativeDrop ?? w.DefaultRelativeDrop, TaskMetrics.HigherIsBetter(m.Name))).ToArray(),
        w.Source, w.Metrics.ToString(), w.Level, w.IntervalLevel, w.SetAt, w.SetBy);
}

/// <summary>One watched metric with the drop it is judged with.</summary>
public sealed record WatchedMetricView(string Name, double MaxRelativeDrop, bool HigherIsBetter);
