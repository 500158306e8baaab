using System.Diagnostics;
using Microsoft.ML;
using Vigil.AutoML.Learners;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Validation;

namespace Vigil.AutoML.Training;

/// <summary>The outcome of evaluating one configuration: the loss, wall time and a model to fall back on.</summary>
/// <param name="Rounds">Boosting rounds the model kept when the trial ran with early stopping (mean over folds);
/// null when it did not (option off, not a stopping learner, or too few rounds).</param>
internal sealed record TrialOutcome(double Loss, double Seconds, ITransformer? Model, MLContext? Context, int TrainRows, IReadOnlyList<Predictions> FoldPredictions, int? Rounds = null);

/// <summary>Trains a configuration on each fold (or the holdout training part, possibly a sample) and scores it.</summary>
internal sealed class TrialRunner
{
    private readonly PreparedData _data;
    private readonly ValidationPlan _plan;
    private readonly Metric _metric;
    private readonly int _threads;
    private readonly int _seed;
    private readonly bool _earlyStopping;

    public TrialRunner(PreparedData data, ValidationPlan plan, Metric metric, int threads, int seed, bool earlyStopping = false)
    {
        _data = data;
        _plan = plan;
        _metric = metric;
        _threads = threads;
        _seed = seed;
        _earlyStopping = earlyStopping;
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
        var rounds = new List<int>(_plan.Folds.Count);
        foreach (var fold in _plan.Folds)
        {
            token.ThrowIfCancellationRequested();
            var train = sampleSize < fold.Train.Length ? fold.Train[..sampleSize] : fold.Train;
            var (model, ml, kept) = Fit(learner, config, train, token, _earlyStopping ? fold.Valid : null);
            if (kept is int k)
            {
                rounds.Add(k);
            }

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

        // Early stopping counts only when every fold stopped early; the refit then trains the mean number of rounds kept.
        int? stopped = rounds.Count == _plan.Folds.Count && rounds.Count > 0 ? (int)Math.Round(rounds.Average()) : null;
        return new TrialOutcome(loss, watch.Elapsed.TotalSeconds, last, lastContext, trainRows, foldPredictions, stopped);
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
        var (model, ml, _) = Fit(learner, config, rows, token, valid: null);
        return (model, ml);
    }

    /// <summary>
    /// Fits on <paramref name="rows"/>; with <paramref name="valid"/> rows a boosting learner stops early on them and
    /// the rounds it kept are returned (null otherwise).
    /// </summary>
    private (ITransformer Model, MLContext Context, int? Rounds) Fit(
        Learner learner, IReadOnlyDictionary<string, double> config, int[]? rows, CancellationToken token, int[]? valid)
    {
        var ml = new MLContext(_seed);
        using var registration = MLContextCancellation.Register(ml, token);
        var impute = learner.NeedsImputation;
        var matrix = _data.Matrix(impute);
        var features = rows is null ? matrix : rows.Select(r => matrix[r]).ToArray();
        var view = DataViews.Create(ml, _data.Task, features, Pick(_data.Classes, rows), Pick(_data.Targets, rows), _data.ClassCount, _data.Width(impute));
        var settings = new TrainerSettings(_data.Task, _data.ClassCount, _threads, _seed);
        try
        {
            ITransformer model;
            int? rounds = null;
            if (valid is null)
            {
                model = learner.CreateEstimator(ml, config, settings).Fit(view);
            }
            else
            {
                // Built only if the learner stops early on it (most trials do not).
                IDataView ValidView() => DataViews.Create(
                    ml, _data.Task, valid.Select(r => matrix[r]).ToArray(), Pick(_data.Classes, valid), Pick(_data.Targets, valid), _data.ClassCount, _data.Width(impute));
                (model, rounds) = learner.FitWithEarlyStopping(ml, config, settings, view, ValidView);
            }

            token.ThrowIfCancellationRequested();
            return (model, ml, rounds);
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
