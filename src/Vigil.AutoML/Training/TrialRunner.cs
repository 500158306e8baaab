using System.Diagnostics;
using Microsoft.ML;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Learners;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Native;
using Vigil.AutoML.Validation;

namespace Vigil.AutoML.Training;

/// <summary>The outcome of evaluating one configuration: the loss, wall time and what to fall back on when no refit runs.</summary>
/// <param name="Model">The ML.NET model of the last fold; null for LightGBM trials, which train natively.</param>
/// <param name="Rounds">Boosting rounds the model kept when the trial stopped early (mean over folds);
/// null when it did not (option off, not a stopping learner, or too few rounds).</param>
/// <param name="LightGbmText">A LightGBM trial's last-fold booster as model text, kept when the trial may become a
/// bundle member (see <see cref="TrialRunner.Run"/>), so a fallback costs no training when the budget is gone.</param>
internal sealed record TrialOutcome(
    double Loss, double Seconds, ITransformer? Model, MLContext? Context, int TrainRows, IReadOnlyList<Predictions> FoldPredictions,
    int? Rounds = null, string? LightGbmText = null);

/// <summary>
/// Trains a configuration on each fold (or the holdout training part, possibly a sample) and scores it. LightGBM
/// learners train through LightGBM's C API on datasets binned once per run (<see cref="DatasetCache"/>), for trials and
/// refits alike; the others through ML.NET.
/// </summary>
internal sealed class TrialRunner : IDisposable
{
    private readonly PreparedData _data;
    private readonly ValidationPlan _plan;
    private readonly Metric _metric;
    private readonly int _threads;
    private readonly int _seed;
    private readonly bool _earlyStopping;
    private readonly TrainerSettings _settings;
    private DatasetCache? _datasets;

    public TrialRunner(PreparedData data, ValidationPlan plan, Metric metric, int threads, int seed, bool earlyStopping = false)
    {
        _data = data;
        _plan = plan;
        _metric = metric;
        _threads = threads;
        _seed = seed;
        _earlyStopping = earlyStopping;
        _settings = new TrainerSettings(data.Task, data.ClassCount, threads, seed);
    }

    /// <summary>Rows available for training in one fold (the full-size sample).</summary>
    public int FullTrainSize => _plan.Folds[0].Train.Length;

    /// <summary>
    /// Trains and scores a configuration. <paramref name="keepModel"/> says, from the trial's loss, whether its model may
    /// be needed later (it would join its learner's best few): a LightGBM trial then keeps its last fold's booster as
    /// model text (ML.NET trials always keep their last model).
    /// </summary>
    public TrialOutcome Run(Learner learner, IReadOnlyDictionary<string, double> config, int sampleSize, Func<double, bool> keepModel, CancellationToken token)
    {
        if (learner is LightGbmLearner lightGbm)
        {
            return RunNative(lightGbm, config, sampleSize, keepModel, token);
        }

        return RunMlNet((MlNetLearner)learner, config, sampleSize, token);
    }

    private TrialOutcome RunMlNet(MlNetLearner learner, IReadOnlyDictionary<string, double> config, int sampleSize, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        double lossSum = 0;
        ITransformer? last = null;
        MLContext? lastContext = null;
        var trainRows = 0;
        var foldPredictions = new List<Predictions>(_plan.Folds.Count);
        foreach (var fold in _plan.Folds)
        {
            token.ThrowIfCancellationRequested();
            var train = sampleSize < fold.Train.Length ? fold.Train[..sampleSize] : fold.Train;
            var (model, ml) = Fit(learner, config, train, token);
            var predictions = Predict(ml, model, learner.NeedsImputation, fold.Valid);
            lossSum += FoldLoss(predictions, fold);
            foldPredictions.Add(predictions);
            last = model;
            lastContext = ml;
            trainRows = train.Length;
        }

        return new TrialOutcome(MeanLoss(lossSum), watch.Elapsed.TotalSeconds, last, lastContext, trainRows, foldPredictions);
    }

    /// <summary>
    /// A LightGBM trial through the C API: per fold, a booster on the cached training subset with the validation subset
    /// attached, scored from the booster's own validation scores. With early stopping on (and enough rounds), each
    /// fold stops once its validation loss stalls; when every fold stopped, the refit trains the mean rounds kept.
    /// </summary>
    private TrialOutcome RunNative(LightGbmLearner learner, IReadOnlyDictionary<string, double> config, int sampleSize, Func<double, bool> keepModel, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        var datasets = Datasets(learner);
        datasets.Trim();
        var parameters = learner.NativeParameters(config, _settings, datasets.Bins);
        var searched = LightGbmLearner.Rounds(config);
        var patience = _earlyStopping && searched >= LightGbmLearner.MinRoundsToStopEarly ? LightGbmLearner.Patience(config) : 0;
        var perRow = _data.Task == AutoMLTask.Multiclass ? _data.ClassCount : 1;
        double lossSum = 0;
        var foldPredictions = new List<Predictions>(_plan.Folds.Count);
        var stoppedRounds = new List<int>(_plan.Folds.Count);
        int[] train = [];
        string? text = null;
        for (var f = 0; f < _plan.Folds.Count; f++)
        {
            token.ThrowIfCancellationRequested();
            var fold = _plan.Folds[f];
            train = sampleSize < fold.Train.Length ? fold.Train[..sampleSize] : fold.Train;
            var trainSet = datasets.Acquire(f, valid: false, train);
            try
            {
                var validSet = datasets.Acquire(f, valid: true, fold.Valid);
                try
                {
                    var last = f == _plan.Folds.Count - 1;
                    var result = BoostingRun.Train(trainSet, validSet, fold.Valid.Length, parameters, searched, perRow, patience, token, keepBooster: last);
                    using (result.Booster)
                    {
                        if (result.StoppedEarly)
                        {
                            stoppedRounds.Add(result.Rounds);
                        }

                        var predictions = new Predictions(_data.Task, fold.Valid.Length, _data.ClassCount, result.ValidPredictions);
                        lossSum += FoldLoss(predictions, fold);
                        foldPredictions.Add(predictions);
                        if (result.Booster is not null && keepModel(MeanLoss(lossSum)))
                        {
                            text = LightGbmModel.TextOf(result.Booster);
                        }
                    }
                }
                finally
                {
                    validSet.DangerousRelease();
                }
            }
            finally
            {
                trainSet.DangerousRelease();
            }
        }

        int? rounds = stoppedRounds.Count == _plan.Folds.Count ? (int)Math.Round(stoppedRounds.Average()) : null;
        return new TrialOutcome(MeanLoss(lossSum), watch.Elapsed.TotalSeconds, null, null, train.Length, foldPredictions, rounds, text);
    }

    /// <summary>
    /// One cache per run: every LightGBM learner takes the same features. It keeps raw values when the learner asking
    /// first has linear trees; <see cref="PrepareNative"/> creates it for the run's whole learner set.
    /// </summary>
    private DatasetCache Datasets(LightGbmLearner learner)
    {
        _datasets ??= new DatasetCache(
            _data.Matrix(learner.NeedsImputation), Labels(), _data.Width(learner.NeedsImputation), LightGbmLearner.MaxBinCount, _threads, _seed, learner.LinearTrees);
        if (learner.LinearTrees && !_datasets.RawValues)
        {
            throw new InvalidOperationException($"{learner.Name} needs raw feature values, and this run's rows were binned without them.");
        }

        return _datasets;
    }

    /// <summary>
    /// Refits a configuration on all training rows as a bundle member: LightGBM learners natively on the run's binned
    /// rows, kept as LightGBM model text; the others through ML.NET.
    /// </summary>
    public MemberModel Refit(Learner learner, IReadOnlyDictionary<string, double> config, CancellationToken token)
    {
        if (learner is not LightGbmLearner lightGbm)
        {
            var (model, context) = Fit((MlNetLearner)learner, config, null, token);
            return new MlNetModel(context, model);
        }

        var cache = Datasets(lightGbm);
        var dataset = cache.AcquireAll();
        try
        {
            var text = BoostingRun.Fit(dataset, lightGbm.NativeParameters(config, _settings, cache.Bins), LightGbmLearner.Rounds(config), token);
            return LightGbmModel.FromText(text);
        }
        finally
        {
            dataset.DangerousRelease();
        }
    }

    /// <summary>Times the first two rounds of a LightGBM configuration's refit on all training rows (see <see cref="BoostingRun.TimeRounds"/>).</summary>
    public (double First, double Next) TimeRefitRounds(LightGbmLearner learner, IReadOnlyDictionary<string, double> config, CancellationToken token)
    {
        var cache = Datasets(learner);
        var dataset = cache.AcquireAll();
        try
        {
            return BoostingRun.TimeRounds(dataset, learner.NativeParameters(config, _settings, cache.Bins), token);
        }
        finally
        {
            dataset.DangerousRelease();
        }
    }

    /// <summary>Labels as LightGBM reads them: 0/1, class index or target value.</summary>
    private float[] Labels()
    {
        var labels = new float[_data.Rows];
        for (var r = 0; r < labels.Length; r++)
        {
            labels[r] = _data.Task == AutoMLTask.Regression ? (float)_data.Targets![r] : Math.Max(_data.Classes![r], 0);
        }

        return labels;
    }

    private double MeanLoss(double lossSum)
    {
        var loss = lossSum / _plan.Folds.Count;
        return double.IsNaN(loss) ? double.PositiveInfinity : loss;
    }

    public void Dispose() => _datasets?.Dispose();

    /// <summary>The mean per-fold loss of given fold predictions (how blends are scored, like trials).</summary>
    public double Loss(IReadOnlyList<Predictions> foldPredictions)
    {
        double sum = 0;
        for (var f = 0; f < _plan.Folds.Count; f++)
        {
            sum += FoldLoss(foldPredictions[f], _plan.Folds[f]);
        }

        var loss = sum / _plan.Folds.Count;
        return double.IsNaN(loss) ? double.PositiveInfinity : loss;
    }

    private double FoldLoss(Predictions predictions, Fold fold) =>
        MetricEvaluator.Loss(_metric, predictions, Pick(_data.Classes, fold.Valid), Pick(_data.Targets, fold.Valid));

    /// <summary>
    /// Bins all training rows for LightGBM once, before the search (with raw values kept when one of
    /// <paramref name="learners"/> has linear trees). Otherwise the first LightGBM trial pays for it, and
    /// that time, scaled to all rows, becomes the refit estimate: on 500 000 rows a 4-tree trial on a 10 000-row sample
    /// took 3.3 s, almost all of it binning, and the search stopped after it to save 215 s for a refit that reuses the
    /// binned rows anyway.
    /// </summary>
    public void PrepareNative(IReadOnlyList<LightGbmLearner> learners)
    {
        Datasets(learners.FirstOrDefault(l => l.LinearTrees) ?? learners[0]).AcquireAll().DangerousRelease();
    }

    /// <summary>Fits and scores once on a few rows, discarding the result (JIT warm-up).</summary>
    public bool WarmUp(MlNetLearner learner, IReadOnlyDictionary<string, double> config, int[] rows, CancellationToken token)
    {
        var (model, ml) = Fit(learner, config, rows, token);
        Predict(ml, model, learner.NeedsImputation, rows);
        return true;
    }

    /// <summary>Fits through ML.NET on the given rows (all rows when null).</summary>
    public (ITransformer Model, MLContext Context) Fit(MlNetLearner learner, IReadOnlyDictionary<string, double> config, int[]? rows, CancellationToken token)
    {
        var ml = new MLContext(_seed);
        using var registration = MLContextCancellation.Register(ml, token);
        var impute = learner.NeedsImputation;
        var matrix = _data.Matrix(impute);
        var features = rows is null ? matrix : rows.Select(r => matrix[r]).ToArray();
        var view = DataViews.Create(ml, _data.Task, features, Pick(_data.Classes, rows), Pick(_data.Targets, rows), _data.ClassCount, _data.Width(impute));
        try
        {
            var model = learner.CreateEstimator(ml, config, _settings).Fit(view);
            token.ThrowIfCancellationRequested();
            return (model, ml);
        }
        catch (Exception ex) when (token.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("Training was cancelled.", ex, token);
        }
    }

    private Predictions Predict(MLContext ml, ITransformer model, bool impute, int[] rows)
    {
        var matrix = _data.Matrix(impute);
        var features = rows.Select(r => matrix[r]).ToArray();
        var view = DataViews.Create(ml, _data.Task, features, null, null, _data.ClassCount, _data.Width(impute));
        return ScoreReader.Read(model.Transform(view), _data.Task, _data.ClassCount, rows.Length);
    }

    private static T[]? Pick<T>(T[]? values, int[]? rows) =>
        values is null ? null : rows is null ? values : rows.Select(r => values[r]).ToArray();
}
