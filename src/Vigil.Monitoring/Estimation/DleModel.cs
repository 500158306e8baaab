using System.Text.Json.Serialization;
using Vigil.AutoML;
using Vigil.AutoML.Native;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Direct loss estimation (DLE, as in NannyML) for a regression model, fitted once per model version on its labelled
/// holdout and stored with it: two LightGBM models learn the absolute and the squared error of the monitored model's
/// prediction from the features and the prediction itself. On a window, the mean predicted absolute error is the
/// estimated MAE and the root of the mean predicted squared error the estimated RMSE.
/// The band is the sampling error of the realised metric at the window's size: for MAE the per-row variance of |e| is
/// E[e²] − E[|e|]² (both models' predictions); for the squared error, whose fourth moment no model predicts, the
/// holdout's kurtosis ratio κ = mean(e⁴) / mean(e²)² gives Var(e²) ≈ (κ − 1)·E[e²]² per row, and the delta method
/// carries it to RMSE. Like CBPE, it holds under covariate shift and not when the target's relation to the features
/// changes.
/// </summary>
public sealed record DleModel
{
    private LightGbmRegressor? _absolute;
    private LightGbmRegressor? _squared;

    /// <summary>The feature columns read, in order (the monitored model's prediction is the last input).</summary>
    public required IReadOnlyList<DleFeature> Features { get; init; }

    /// <summary>LightGBM model text of the absolute-error model.</summary>
    public required string AbsoluteErrorModel { get; init; }

    /// <summary>LightGBM model text of the squared-error model.</summary>
    public required string SquaredErrorModel { get; init; }

    /// <summary>κ = mean(e⁴) / mean(e²)² of the holdout errors (3 for normal errors).</summary>
    public double Kurtosis { get; init; } = 3;

    /// <summary>Metric name → value realised on the holdout (mae, rmse).</summary>
    public required IReadOnlyDictionary<string, double> Reference { get; init; }

    /// <summary>Holdout rows the models were trained on.</summary>
    public int ReferenceRows { get; init; }

    [JsonIgnore]
    private LightGbmRegressor AbsoluteModel => _absolute ??= LightGbmRegressor.FromText(AbsoluteErrorModel);

    [JsonIgnore]
    private LightGbmRegressor SquaredModel => _squared ??= LightGbmRegressor.FromText(SquaredErrorModel);

    /// <summary>
    /// Trains the error models on a regression model's labelled holdout: <paramref name="rows"/> are the holdout's
    /// rows (aligned with <paramref name="holdout"/>), <paramref name="label"/> the column left out of the features.
    /// </summary>
    public static DleModel Fit(Table rows, PredictionSet holdout, string? label, int seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(holdout);
        if (holdout.Task != AutoMLTask.Regression)
        {
            throw new ArgumentException("DLE estimates a regression model's errors.", nameof(holdout));
        }

        if (rows.RowCount != holdout.Rows)
        {
            throw new ArgumentException($"The holdout has {rows.RowCount} rows but {holdout.Rows} predictions.", nameof(rows));
        }

        var features = DleRows.Describe(rows, label);
        var predicted = holdout.PredictedValues!;
        var input = DleRows.Build(rows, features, predicted);
        var n = holdout.Rows;
        var absolute = new float[n];
        var squared = new float[n];
        double sumSquared = 0, sumFourth = 0, sumAbsolute = 0;
        for (var i = 0; i < n; i++)
        {
            var e = holdout.TrueValues![i] - predicted[i];
            absolute[i] = (float)Math.Abs(e);
            squared[i] = (float)(e * e);
            sumAbsolute += Math.Abs(e);
            sumSquared += e * e;
            sumFourth += e * e * e * e;
        }

        var options = new LightGbmRegressorOptions { Seed = seed };
        var absoluteModel = LightGbmRegressor.Fit(input, absolute, options, cancellationToken);
        var squaredModel = LightGbmRegressor.Fit(input, squared, options, cancellationToken);
        var meanSquared = sumSquared / n;
        return new DleModel
        {
            Features = features,
            AbsoluteErrorModel = absoluteModel.Text,
            SquaredErrorModel = squaredModel.Text,
            Kurtosis = meanSquared > 0 ? sumFourth / n / (meanSquared * meanSquared) : 3,
            Reference = new Dictionary<string, double>(StringComparer.Ordinal) { ["mae"] = sumAbsolute / n, ["rmse"] = Math.Sqrt(meanSquared) },
            ReferenceRows = n,
            _absolute = absoluteModel,
            _squared = squaredModel,
        };
    }

    /// <summary>
    /// Estimates MAE and RMSE of <paramref name="window"/>'s predictions on <paramref name="rows"/>. With
    /// <paramref name="labels"/> (every row's true value) the realised values are reported beside the estimates.
    /// </summary>
    public EstimatedPerformance Estimate(Table rows, ScoredRows window, DegradationRule rule, IReadOnlyList<double>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(rule);
        if (window.Task != AutoMLTask.Regression)
        {
            throw new ArgumentException($"DLE estimates regression; the window's scores are {window.Task}.", nameof(window));
        }

        var missing = new List<string>();
        var input = DleRows.Build(rows, Features, window.PredictedValues!, missing);
        var absolute = AbsoluteModel.Predict(input);
        var squared = SquaredModel.Predict(input);
        var n = window.Rows;
        double sumAbsolute = 0, sumSquared = 0, varAbsolute = 0, sumSquaredSq = 0;
        for (var i = 0; i < n; i++)
        {
            var a = Math.Max(0, absolute[i]);
            var s = Math.Max(a * a, squared[i]);
            sumAbsolute += a;
            sumSquared += s;
            varAbsolute += s - (a * a);
            sumSquaredSq += s * s;
        }

        var mae = sumAbsolute / n;
        var mse = sumSquared / n;
        var rmse = Math.Sqrt(mse);
        var errorMae = Math.Sqrt(varAbsolute) / n;
        var errorMse = Math.Sqrt(Math.Max(0, Kurtosis - 1) * sumSquaredSq) / n;
        var errorRmse = rmse > 0 ? errorMse / (2 * rmse) : 0;
        double[]? realised = labels is not null && labels.Count == n ? Realised(window.PredictedValues!, labels) : null;
        var notes = new List<string> { "estimated by models of the absolute and squared error trained on the holdout: valid under covariate shift, not when the target's relation to the features changes" };
        if (missing.Count > 0)
        {
            notes.Add($"{missing.Count} feature column(s) missing from the window were read as missing values: {string.Join(", ", missing.Take(10))}");
        }

        return EstimateJudgement.Judge("dle", n, AutoMLTask.Regression, EstimatedMetricNames.For(AutoMLTask.Regression),
            [mae, rmse], [errorMae, errorRmse], realised, Reference, rule, notes);
    }

    private static double[] Realised(IReadOnlyList<double> predicted, IReadOnlyList<double> labels)
    {
        double sumAbsolute = 0, sumSquared = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var e = labels[i] - predicted[i];
            sumAbsolute += Math.Abs(e);
            sumSquared += e * e;
        }

        return [sumAbsolute / labels.Count, Math.Sqrt(sumSquared / labels.Count)];
    }
}
