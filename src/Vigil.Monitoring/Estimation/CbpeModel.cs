using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Confidence-based performance estimation (CBPE, as in NannyML) for a classifier, fitted once per model version on
/// its labelled holdout and stored with it: one calibrator per probability (the positive class for binary, every
/// class one-vs-rest for multiclass, then renormalised per row) and the metrics realised on the holdout, the
/// baselines. On a window, the calibrated probabilities give the expected confusion matrix and the expected ROC curve
/// (see <see cref="BinaryExpectation"/>, <see cref="MulticlassExpectation"/>). The band is the sampling error of the
/// realised metric at the window's size — labels are drawn from the calibrated probabilities
/// (<see cref="EstimationOptions.Draws"/> times, seeded) and the spread of the metrics over the draws is the error —
/// widened on both sides of every rate by the calibration's own cross-validated error (<see cref="CalibrationError"/>),
/// which no window size removes.
/// The estimate holds while the model's calibration holds — under covariate shift, not when the relation between
/// features and label changes (concept drift): then only labels tell.
/// </summary>
public sealed record CbpeModel
{
    /// <summary>Binary or Multiclass.</summary>
    public required AutoMLTask Task { get; init; }

    /// <summary>2 for binary, the class count for multiclass.</summary>
    public int ClassCount { get; init; }

    /// <summary>Binary: one calibrator (class 1); multiclass: one per class.</summary>
    public required IReadOnlyList<ScoreCalibrator> Calibrators { get; init; }

    /// <summary>Metric name → value realised on the holdout (the baselines of the estimates).</summary>
    public required IReadOnlyDictionary<string, double> Reference { get; init; }

    /// <summary>Holdout rows the calibration was fitted on.</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Fits the calibrators on a classifier's labelled holdout predictions (with probabilities).</summary>
    public static CbpeModel Fit(PredictionSet holdout, CalibrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        if (holdout.Task == AutoMLTask.Regression || holdout.Probabilities is null)
        {
            throw new ArgumentException("CBPE needs a classifier's predictions with probabilities.", nameof(holdout));
        }

        var n = holdout.Rows;
        var k = holdout.ClassCount;
        var labels = holdout.TrueClasses!;
        ScoreCalibrator[] calibrators;
        if (holdout.Task == AutoMLTask.Binary)
        {
            calibrators = [CalibratorSelection.Fit(holdout.Probabilities, labels, options)];
        }
        else
        {
            calibrators = new ScoreCalibrator[k];
            for (var c = 0; c < k; c++)
            {
                var column = new double[n];
                var positive = new int[n];
                for (var i = 0; i < n; i++)
                {
                    column[i] = holdout.Probabilities[(i * k) + c];
                    positive[i] = labels[i] == c ? 1 : 0;
                }

                calibrators[c] = CalibratorSelection.Fit(column, positive, options);
            }
        }

        var scores = ScoredRows.From(holdout)!;
        var realised = Realised(scores, labels);
        var names = EstimatedMetricNames.For(holdout.Task);
        var reference = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var m = 0; m < names.Count; m++)
        {
            if (double.IsFinite(realised[m]))
            {
                reference[names[m]] = realised[m];
            }
        }

        return new CbpeModel { Task = holdout.Task, ClassCount = k, Calibrators = calibrators, Reference = reference, ReferenceRows = n };
    }

    /// <summary>
    /// The cross-validated calibration error of the chosen calibrations (mean over the classes for multiclass; 0 when
    /// none was measured): how far the calibrated probabilities may still be off, added to every rate's band.
    /// </summary>
    public double CalibrationError() =>
        Calibrators.Average(c => c.CrossValidatedError.TryGetValue(CalibratorSelection.Name(c.Method), out var e) && double.IsFinite(e) ? e : 0);

    /// <summary>How the probabilities are calibrated, for the result: one method, or one per class.</summary>
    public string CalibrationSummary() =>
        Calibrators.Select(c => c.Method).Distinct().Count() == 1
            ? CalibratorSelection.Name(Calibrators[0].Method)
            : string.Join(", ", Calibrators.Select((c, i) => $"class {i}: {CalibratorSelection.Name(c.Method)}"));

    /// <summary>
    /// Estimates the metrics of <paramref name="window"/>. With <paramref name="labels"/> (the true class of every
    /// row, when all are known) the realised values are reported beside the estimates.
    /// </summary>
    public EstimatedPerformance Estimate(ScoredRows window, EstimationOptions options, DegradationRule rule, IReadOnlyList<int>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rule);
        if (window.Task != Task || window.ClassCount != ClassCount)
        {
            throw new ArgumentException($"The window's scores are {window.Task} with {window.ClassCount} classes but the estimator was fitted for {Task} with {ClassCount}.", nameof(window));
        }

        var names = EstimatedMetricNames.For(Task);
        var calibrated = Calibrate(window);
        var (values, errors) = Task == AutoMLTask.Binary
            ? Binary(window, calibrated, options)
            : Multiclass(window, calibrated, options);
        var realised = labels is not null && labels.Count == window.Rows ? Realised(window, labels) : null;
        var allowance = CalibrationError();
        var estimated = EstimateJudgement.Judge("cbpe", window.Rows, Task, names, values, errors, realised, Reference, rule,
            ["estimated from the model's calibrated probabilities: valid while the relation between features and label is unchanged (covariate shift), not under concept drift"],
            allowance);
        return estimated with { Calibration = CalibrationSummary(), CalibrationError = allowance };
    }

    /// <summary>The calibrated probabilities of the window (binary: per row; multiclass: rows × classes, renormalised).</summary>
    public double[] Calibrate(ScoredRows window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var p = window.Probabilities ?? throw new ArgumentException("CBPE needs the model's probabilities.", nameof(window));
        if (Task == AutoMLTask.Binary)
        {
            var calibrator = Calibrators[0];
            var q = new double[window.Rows];
            for (var i = 0; i < q.Length; i++)
            {
                q[i] = Clean(calibrator.Apply(p[i]));
            }

            return q;
        }

        var k = ClassCount;
        var result = new double[window.Rows * k];
        for (var i = 0; i < window.Rows; i++)
        {
            var sum = 0.0;
            for (var c = 0; c < k; c++)
            {
                var v = Clean(Calibrators[c].Apply(p[(i * k) + c]));
                result[(i * k) + c] = v;
                sum += v;
            }

            for (var c = 0; c < k; c++)
            {
                result[(i * k) + c] = sum > 0 ? result[(i * k) + c] / sum : 1.0 / k;
            }
        }

        return result;
    }

    private static double Clean(double v) => double.IsFinite(v) ? Math.Clamp(v, 0, 1) : 0.5;

    private static (double[] Values, double[] Errors) Binary(ScoredRows window, double[] q, EstimationOptions options)
    {
        var engine = new BinaryExpectation(window.Probabilities!, window.PredictedClasses!);
        var values = engine.Metrics(q);
        var random = new Random(options.Seed);
        var draw = new double[q.Length];
        var spread = new Spread(values.Length);
        for (var d = 0; d < options.Draws; d++)
        {
            for (var i = 0; i < q.Length; i++)
            {
                draw[i] = random.NextDouble() < q[i] ? 1 : 0;
            }

            spread.Add(engine.Metrics(draw));
        }

        return (values, spread.StandardDeviations());
    }

    private (double[] Values, double[] Errors) Multiclass(ScoredRows window, double[] q, EstimationOptions options)
    {
        var k = ClassCount;
        var engine = new MulticlassExpectation(window.Probabilities!, window.PredictedClasses!, k);
        var values = engine.Metrics(q);
        var random = new Random(options.Seed);
        var draw = new double[q.Length];
        var spread = new Spread(values.Length);
        for (var d = 0; d < options.Draws; d++)
        {
            Array.Clear(draw);
            for (var i = 0; i < window.Rows; i++)
            {
                var u = random.NextDouble();
                var c = 0;
                var cumulative = q[i * k];
                while (c < k - 1 && u >= cumulative)
                {
                    c++;
                    cumulative += q[(i * k) + c];
                }

                draw[(i * k) + c] = 1;
            }

            spread.Add(engine.Metrics(draw));
        }

        return (values, spread.StandardDeviations());
    }

    // The realised metrics: the same formulas with the labels as probabilities 0/1.
    private static double[] Realised(ScoredRows scores, IReadOnlyList<int> labels)
    {
        if (scores.Task == AutoMLTask.Binary)
        {
            return new BinaryExpectation(scores.Probabilities!, scores.PredictedClasses!).Metrics(labels.Select(v => (double)v).ToArray());
        }

        var k = scores.ClassCount;
        var oneHot = new double[scores.Rows * k];
        for (var i = 0; i < scores.Rows; i++)
        {
            oneHot[(i * k) + labels[i]] = 1;
        }

        return new MulticlassExpectation(scores.Probabilities!, scores.PredictedClasses!, k).Metrics(oneHot);
    }
}
