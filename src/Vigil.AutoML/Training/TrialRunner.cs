using System.Diagnostics;
using Microsoft.ML;
using Vigil.AutoML.Learners;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Validation;

namespace Vigil.AutoML.Training;

/// <summary>The outcome of evaluating one configuration: the loss, wall time and a model to fall back on.</summary>
internal sealed record TrialOutcome(double Loss, double Seconds, ITransformer? Model, MLContext? Context, int TrainRows, IReadOnlyList<Predictions> FoldPredictions);

/// <summary>Trains a configuration on each fold (or the holdout training part, possibly a sample) and scores it.</summary>
internal sealed class TrialRunner
{
    private readonly PreparedData _data;
    private readonly ValidationPlan _plan;
    private readonly Metric _metric;
    private readonly int _threads;
    private readonly int _seed;

    public TrialRunner(PreparedData data, ValidationPlan plan, Metric metric, int threads, int seed)
    {
        _data = data;
        _plan = plan;
        _metric = metric;
        _threads = threads;
        _seed = seed;
    }

    /// <summary>Rows available for training in one fold (the full-size sample).</summary>
    public int FullTrainSize => _plan.Folds[0].Train.Length;

    public TrialOutcome Run(Learner learner, IReadOnlyDictionary<string, double> config, int sampleSize, CancellationToken token)
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

        var loss = lossSum / _plan.Folds.Count;
        if (double.IsNaN(loss))
        {
            loss = double.PositiveInfinity;
        }

        return new TrialOutcome(loss, watch.Elapsed.TotalSeconds, last, lastContext, trainRows, foldPredictions);
    }

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

    /// <summary>Fits and scores once on a few rows, discarding the result (JIT warm-up).</summary>
    public void WarmUp(Learner learner, IReadOnlyDictionary<string, double> config, int[] rows)
    {
        var (model, ml) = Fit(learner, config, rows, CancellationToken.None);
        Predict(ml, model, learner.NeedsImputation, rows);
    }

    /// <summary>Fits on the given rows (all rows for the final refit).</summary>
    public (ITransformer Model, MLContext Context) Fit(Learner learner, IReadOnlyDictionary<string, double> config, int[]? rows, CancellationToken token)
    {
        var ml = new MLContext(_seed);
        using var registration = MLContextCancellation.Register(ml, token);
        var impute = learner.NeedsImputation;
        var matrix = _data.Matrix(impute);
        var features = rows is null ? matrix : rows.Select(r => matrix[r]).ToArray();
        var view = DataViews.Create(ml, _data.Task, features, Pick(_data.Classes, rows), Pick(_data.Targets, rows), _data.ClassCount, _data.Width(impute));
        var estimator = learner.CreateEstimator(ml, config, new TrainerSettings(_data.Task, _data.ClassCount, _threads, _seed));
        try
        {
            var model = estimator.Fit(view);
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
