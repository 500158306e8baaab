namespace Vigil.AutoML.Search;

/// <summary>
/// Predicts a trial's wall time from the learner's earlier trials, so that a configuration much larger than any
/// tried so far is not started when it cannot finish before the deadline. Such a trial would be cut off and its
/// seconds lost (on elec at 30 s a 255-tree/1 740-leaf LightGBM trial ate the last 5.7 s). FLAML avoids the loss
/// differently: its LightGBM stops adding trees near the deadline and keeps the partial model.
/// </summary>
internal sealed class TrialCostModel
{
    /// <summary>
    /// Safety factor on the prediction: the size proxy is rough (off by up to ×2 on elec); the 255-tree trial above
    /// was predicted at 5.4 s with 5.5 s left and ran past 5.7 s (in another run 4.1 s predicted, 7.4 s taken).
    /// </summary>
    public const double Margin = 1.5;

    private readonly List<(double Size, double Seconds)> _done = [];

    /// <summary>
    /// A size proxy: training rows × trees × √leaves × feature share. Histogram building per tree grows with rows and
    /// features but only slowly with leaves (the smaller child is built, the larger subtracted).
    /// </summary>
    public static double Size(IReadOnlyDictionary<string, double> config, int rows)
    {
        var trees = config.TryGetValue("n_estimators", out var n) ? n : 1;
        var leaves = config.TryGetValue("num_leaves", out var l) ? Math.Sqrt(l)
            : config.TryGetValue("max_depth", out var d) ? Math.Sqrt(Math.Pow(2, d)) : 1;
        var share = config.TryGetValue("colsample_bytree", out var c) ? c
            : config.TryGetValue("max_features", out var f) ? f : 1;
        return rows * trees * leaves * share;
    }

    public void Add(IReadOnlyDictionary<string, double> config, int rows, double seconds)
    {
        if (seconds > 0 && double.IsFinite(seconds))
        {
            _done.Add((Size(config, rows), seconds));
        }
    }

    /// <summary>
    /// Expected seconds, or null when the configuration is no larger than one already finished (then it is run as
    /// usual: only extrapolation is judged). Fixed overhead = the fastest trial; the rest scales with the size.
    /// </summary>
    public double? Predict(IReadOnlyDictionary<string, double> config, int rows)
    {
        if (_done.Count < 3)
        {
            return null;
        }

        var size = Size(config, rows);
        if (size <= _done.Max(d => d.Size))
        {
            return null;
        }

        // The median over all finished trials: the largest alone are often heavily regularised (trees stop growing)
        // and predicted the 7.4 s elec trial at 1.4 s; the median said 4.1 s (5.5 s for the 5.8 s one).
        var overhead = _done.Min(d => d.Seconds);
        var rates = _done.Select(d => Math.Max(0, d.Seconds - overhead) / d.Size).Order().ToArray();
        return overhead + (rates[rates.Length / 2] * size);
    }
}
