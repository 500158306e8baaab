using System.Globalization;
using Vigil.AutoML.Bundles;

namespace Vigil.AutoML.Native;

/// <summary>
/// A small LightGBM regression model on dense float rows, trained and scored through the same native library as
/// AutoML's trials (not an AutoML search): the number of rounds is chosen by early stopping on a seeded fifth of the
/// rows, then the model is refitted on all of them. Kept as LightGBM's model text, so it is stored and reloaded exactly.
/// For models that serve monitoring (e.g. the expected error of another model's predictions), where a fixed, modest
/// configuration is what matters.
/// </summary>
public sealed class LightGbmRegressor
{
    private readonly LightGbmModel _model;

    private LightGbmRegressor(LightGbmModel model) => _model = model;

    /// <summary>LightGBM's model text (store it; <see cref="FromText"/> reads it back).</summary>
    public string Text => _model.Text;

    /// <summary>Features per row.</summary>
    public int Features => _model.Features;

    /// <summary>
    /// Trains on <paramref name="rows"/> (all of one width; NaN is a missing value, which LightGBM routes itself) and
    /// finite <paramref name="targets"/>. Throws <see cref="ArgumentException"/> for empty or ragged input.
    /// </summary>
    public static LightGbmRegressor Fit(float[][] rows, float[] targets, LightGbmRegressorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new LightGbmRegressorOptions();
        if (rows.Length < 2 || rows.Length != targets.Length)
        {
            throw new ArgumentException($"A regressor needs at least 2 rows and one target per row (found {rows.Length} rows, {targets.Length} targets).", nameof(rows));
        }

        var width = rows[0].Length;
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != width || width == 0)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} features; every row needs the first row's {width} (at least 1).", nameof(rows));
            }

            if (!float.IsFinite(targets[r]))
            {
                throw new ArgumentException($"Target {r} is {targets[r]}; targets must be finite.", nameof(targets));
            }
        }

        var booster = BoosterParameters(options);
        var rounds = rows.Length >= options.MinRowsForEarlyStopping
            ? ChooseRounds(rows, targets, width, booster, options, cancellationToken)
            : Math.Min(100, options.MaxRounds);

        using var all = Dataset(rows, targets, width, options, null);
        var text = BoostingRun.Fit(all, booster, rounds, cancellationToken);
        return new LightGbmRegressor(LightGbmModel.FromText(text));
    }

    /// <summary>Reads model text written by <see cref="Text"/>; <see cref="InvalidOperationException"/> when it is not a regression model.</summary>
    public static LightGbmRegressor FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = LightGbmModel.FromText(text);
        if (model.Classes != 1)
        {
            throw new InvalidOperationException($"The LightGBM model gives {model.Classes} scores per row; a regressor gives one.");
        }

        return new LightGbmRegressor(model);
    }

    /// <summary>One prediction per row.</summary>
    public double[] Predict(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return _model.Score(rows, AutoMLTask.Regression, 0, Features).Values;
    }

    // Early stopping on a seeded fifth of the rows; at least one round.
    private static int ChooseRounds(float[][] rows, float[] targets, int width, string booster, LightGbmRegressorOptions options, CancellationToken token)
    {
        var order = Enumerable.Range(0, rows.Length).ToArray();
        new Random(options.Seed).Shuffle(order);
        var validCount = Math.Max(1, rows.Length / 5);
        var valid = order[..validCount];
        var train = order[validCount..];
        using var trainSet = Dataset(train.Select(i => rows[i]).ToArray(), train.Select(i => targets[i]).ToArray(), width, options, null);
        using var validSet = Dataset(valid.Select(i => rows[i]).ToArray(), valid.Select(i => targets[i]).ToArray(), width, options, trainSet);
        var result = BoostingRun.Train(trainSet, validSet, validCount, booster, options.MaxRounds, 1, options.Patience, token);
        return Math.Max(1, result.Rounds);
    }

    private static DatasetHandle Dataset(float[][] rows, float[] targets, int width, LightGbmRegressorOptions options, DatasetHandle? reference)
    {
        var parameters = string.Create(CultureInfo.InvariantCulture,
            $"max_bin={options.MaxBin} min_data_in_bin=3 num_threads={options.Threads} data_random_seed={options.Seed} verbose=-1");
        var matrix = RowMajor.Flatten(rows, width);
        var added = false;
        reference?.DangerousAddRef(ref added);
        try
        {
            LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(matrix, LightGbmApi.Float32, rows.Length, width, 1, parameters,
                reference?.DangerousGetHandle() ?? IntPtr.Zero, out var handle));
            var dataset = new DatasetHandle(handle);
            LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "label", targets, targets.Length, LightGbmApi.Float32));
            return dataset;
        }
        finally
        {
            if (added)
            {
                reference!.DangerousRelease();
            }
        }
    }

    private static string BoosterParameters(LightGbmRegressorOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"boosting=gbdt objective=regression metric=l2 num_leaves={o.Leaves} max_depth=-1 min_data_in_leaf={o.MinRowsInLeaf} " +
        $"learning_rate={o.LearningRate:R} lambda_l2={o.L2:R} feature_fraction=1 bagging_fraction=1 bagging_freq=0 " +
        $"max_bin={o.MaxBin} deterministic=true seed={o.Seed} num_threads={o.Threads} verbose=-1");
}
