using System.Globalization;
using Vigil.Statistics.Calibration;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Chooses and fits the calibration of one probability on labelled holdout rows. Isotonic and sigmoid calibration are
/// each fitted on k − 1 folds and applied to the remaining one (stratified, seeded folds); the out-of-fold
/// probabilities of all folds are pooled and their expected calibration error (equal-mass bins) compared with that of
/// the raw probabilities. The raw probabilities are kept — calibration skipped — unless a method lowers the error by
/// more than <see cref="CalibrationOptions.Tolerance"/>; between the two, sigmoid (two parameters) is preferred unless
/// isotonic is better by the same tolerance. The winner is then fitted on all rows.
/// </summary>
public static class CalibratorSelection
{
    public static ScoreCalibrator Fit(IReadOnlyList<double> probability, IReadOnlyList<int> positive, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(positive);
        options ??= new CalibrationOptions();
        if (probability.Count != positive.Count)
        {
            throw new ArgumentException($"{probability.Count} probabilities but {positive.Count} labels.", nameof(positive));
        }

        // Rows with a usable probability only.
        var keep = Enumerable.Range(0, probability.Count).Where(i => double.IsFinite(probability[i])).ToArray();
        var p = keep.Select(i => Math.Clamp(probability[i], 0, 1)).ToArray();
        var y = keep.Select(i => positive[i]).ToArray();
        var positives = y.Count(v => v == 1);
        var folds = options.Folds;
        if (Math.Min(positives, y.Length - positives) < folds || y.Length < options.MinRows)
        {
            // Too few rows (or one class) to fit and compare calibrations: the probabilities are used as they are.
            return ScoreCalibrator.Identity;
        }

        var fold = StratifiedFolds(y, folds, options.Seed);
        var isotonic = new double[p.Length];
        var sigmoid = new double[p.Length];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, p.Length).Where(i => fold[i] != f).ToArray();
            var iso = FitIsotonic(train.Select(i => p[i]).ToArray(), train.Select(i => y[i]).ToArray());
            var sig = FitSigmoid(train.Select(i => p[i]).ToArray(), train.Select(i => y[i]).ToArray());
            for (var i = 0; i < p.Length; i++)
            {
                if (fold[i] == f)
                {
                    isotonic[i] = iso.Apply(p[i]);
                    sigmoid[i] = sig.Apply(p[i]);
                }
            }
        }

        var errors = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["none"] = CalibrationError.Expected(p, y, options.Bins),
            ["isotonic"] = CalibrationError.Expected(isotonic, y, options.Bins),
            ["sigmoid"] = CalibrationError.Expected(sigmoid, y, options.Bins),
        };
        var bestFitted = errors["isotonic"] < errors["sigmoid"] - options.Tolerance ? CalibrationMethod.Isotonic : CalibrationMethod.Sigmoid;
        var bestError = Math.Min(errors["isotonic"], errors["sigmoid"]);
        var method = errors["none"] <= bestError + options.Tolerance ? CalibrationMethod.None : bestFitted;
        var chosen = method switch
        {
            CalibrationMethod.Isotonic => FitIsotonic(p, y),
            CalibrationMethod.Sigmoid => FitSigmoid(p, y),
            _ => ScoreCalibrator.Identity,
        };
        return chosen with { CrossValidatedError = errors };
    }

    /// <summary>A short description for notes, e.g. "isotonic (CV calibration error 0.012; none 0.041, sigmoid 0.018)".</summary>
    public static string Describe(ScoreCalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(calibrator);
        var name = Name(calibrator.Method);
        if (calibrator.CrossValidatedError.Count == 0)
        {
            return name + " (too few holdout rows to compare calibrations)";
        }

        var own = calibrator.CrossValidatedError.GetValueOrDefault(name);
        var others = string.Join(", ", calibrator.CrossValidatedError.Where(e => e.Key != name)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:0.###}")));
        return string.Create(CultureInfo.InvariantCulture, $"{name} (CV calibration error {own:0.###}; {others})");
    }

    /// <summary>The method's name in JSON and notes: none, isotonic, sigmoid.</summary>
    public static string Name(CalibrationMethod method) => method.ToString().ToLowerInvariant();

    private static ScoreCalibrator FitIsotonic(double[] p, int[] y) => new()
    {
        Method = CalibrationMethod.Isotonic,
        Isotonic = IsotonicRegression.Fit(p, y.Select(v => (double)v).ToArray()),
        Sigmoid = PlattScaling.Fit(p.Select(ScoreCalibrator.LogOdds).ToArray(), y),
    };

    private static ScoreCalibrator FitSigmoid(double[] p, int[] y) => new()
    {
        Method = CalibrationMethod.Sigmoid,
        Sigmoid = PlattScaling.Fit(p.Select(ScoreCalibrator.LogOdds).ToArray(), y),
    };

    private static int[] StratifiedFolds(int[] y, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[y.Length];
        foreach (var label in new[] { 0, 1 })
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == label).ToArray();
            random.Shuffle(rows);
            for (var k = 0; k < rows.Length; k++)
            {
                fold[rows[k]] = k % folds;
            }
        }

        return fold;
    }
}
