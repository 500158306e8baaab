using System.Globalization;
using System.Text;
using Vigil.AutoML.Native;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// A LightGBM booster kept as LightGBM's own model text and scored by LightGBM (through its C API), not by ML.NET's
/// re-implementation of tree evaluation: missing values then follow the directions the booster learned, which ML.NET's
/// scorer does not do, and a refit skips ML.NET's conversion of the data. The text is what the bundle stores, and the
/// booster scoring it is loaded from that same text, so a saved and reloaded bundle predicts exactly what it did.
/// </summary>
internal sealed class LightGbmModel : MemberModel
{
    public const string FormatName = "lightgbm";

    /// <summary>Batches at least this large are scored on every core; smaller ones on the calling thread.</summary>
    private const int ParallelRows = 20_000;

    /// <summary>Up to this many rows are scored one by one through the prepared single-row path (the /predict case):
    /// a batch call parses its parameters and sets a predictor up each time, 20 µs of a 130 µs call for 500 trees.</summary>
    private const int SingleRowLimit = 64;

    private readonly object _singleRowGate = new();
    private FastConfigHandle? _singleRow;

    /// <summary>Freed by its finalizer like any SafeHandle: bundles are replaced, not disposed, and a reader may still hold one.</summary>
    private readonly BoosterHandle _booster;

    private LightGbmModel(string text, BoosterHandle booster, int features, int classes)
    {
        Text = text;
        _booster = booster;
        Features = features;
        Classes = classes;
    }

    /// <summary>LightGBM's model text (trees, objective, feature count).</summary>
    public string Text { get; }

    /// <summary>Features per row the booster was trained on.</summary>
    public int Features { get; }

    /// <summary>Scores per row: the class count for multiclass, else 1.</summary>
    public int Classes { get; }

    public override string Format => FormatName;

    public override string FileName(int index) => index == 0 ? "model.lightgbm.txt" : $"model-{index}.lightgbm.txt";

    /// <summary>
    /// Reads model text; throws <see cref="InvalidOperationException"/> when it is not a model (checked by
    /// <see cref="LightGbmModelText"/> first, since damaged text can crash LightGBM's own loader), with LightGBM's message otherwise.
    /// </summary>
    public static LightGbmModel FromText(string text)
    {
        text = LightGbmModelText.Checked(text);
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterLoadModelFromString(text, out _, out var raw));
        var booster = new BoosterHandle(raw);
        try
        {
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetNumFeature(booster, out var features));
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterGetNumClasses(booster, out var classes));
            return new LightGbmModel(text, booster, features, classes);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>The model text of a trained booster (all its rounds).</summary>
    public static string TextOf(BoosterHandle booster)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(booster, 0, -1, 0, 0, out var length, null));
        var buffer = new byte[length];
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(booster, 0, -1, 0, length, out length, buffer));
        // The length counts the terminating NUL.
        return Encoding.UTF8.GetString(buffer, 0, (int)Math.Max(0, length - 1));
    }


    private void ScoreOneByOne(float[][] rows, int perRow, double[] values)
    {
        var output = new double[perRow];
        // LightGBM serialises single-row predictions on one booster anyway; the lock also guards the lazy setup.
        lock (_singleRowGate)
        {
            if (_singleRow is null)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMatSingleRowFastInit(
                    _booster, LightGbmApi.PredictNormal, 0, -1, LightGbmApi.Float32, Features, "num_threads=1", out var raw));
                _singleRow = new FastConfigHandle(raw);
            }

            for (var r = 0; r < rows.Length; r++)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMatSingleRowFast(_singleRow, rows[r], out var length, output));
                if (length != perRow)
                {
                    throw new InvalidOperationException($"LightGBM returned {length} scores for one row, expected {perRow}.");
                }

                Array.Copy(output, 0, values, r * perRow, perRow);
            }
        }
    }

    public override void Save(string path, AutoMLTask task, int classCount, int width) => File.WriteAllText(path, Text, new UTF8Encoding(false));

    public override Predictions Score(float[][] rows, AutoMLTask task, int classCount, int width)
    {
        if (width != Features)
        {
            throw new InvalidOperationException($"The LightGBM model reads {Features} features per row, but the featurizer makes {width}.");
        }

        var perRow = task == AutoMLTask.Multiclass ? classCount : 1;
        if (perRow != Classes)
        {
            throw new InvalidOperationException($"The LightGBM model gives {Classes} scores per row, but the task needs {perRow}.");
        }

        var values = new double[(long)rows.Length * perRow];
        if (rows.Length is > 0 and <= SingleRowLimit)
        {
            ScoreOneByOne(rows, perRow, values);
        }
        else if (rows.Length > 0)
        {
            var matrix = RowMajor.Flatten(rows, width);
            var threads = rows.Length >= ParallelRows ? Environment.ProcessorCount : 1;
            var parameters = string.Create(CultureInfo.InvariantCulture, $"num_threads={threads}");
            // Normal prediction: probability (binary), class probabilities row by row (multiclass), value (regression).
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(
                _booster, matrix, LightGbmApi.Float32, rows.Length, width, 1, LightGbmApi.PredictNormal, 0, -1, parameters, out var length, values));
            if (length != values.Length)
            {
                throw new InvalidOperationException($"LightGBM returned {length} scores for {rows.Length} rows, expected {values.Length}.");
            }
        }

        return new Predictions(task, rows.Length, task == AutoMLTask.Binary ? 2 : task == AutoMLTask.Multiclass ? classCount : 0, values);
    }
}
