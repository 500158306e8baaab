using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Fits a version's performance estimator on labelled production rows — a file, or the log's recently labelled rows —
/// with <see cref="PerformanceEstimator.TryFit"/>, as training and registration fit it on a holdout. The rows are
/// scored the way the version's checks score a window: by the model itself when it can score, else from the
/// predictions and scores an external model logged (or a file's prediction and score columns). Any row that cannot be
/// used is refused with the reason rather than silently left out, so what is stored was fitted on what was asked.
/// </summary>
internal static class EstimatorRefit
{
    /// <summary>Fits on <paramref name="data"/> (a file's rows, <paramref name="name"/> in messages); every labelled row is used.</summary>
    public static (PerformanceEstimator Estimator, int Rows) FromTable(LoadedModel model, int version, Table data, string name, int seed, TimeProvider time, CancellationToken cancellationToken) =>
        Fit(model, version, data, name, (rows, _) => Score(model, version, rows, name), seed, time, cancellationToken);

    /// <summary>Fits on logged rows (their labels joined), scored by the version or read from what an external model logged.</summary>
    public static (PerformanceEstimator Estimator, int Rows) FromLog(LoadedModel model, int version, ReferenceProfile profile, IReadOnlyList<LoggedRow> logged, int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var table = LoggedRowTable.ToTable(logged, profile.LoggedColumnKinds(), model.Labels.LabelColumn);
        return Fit(model, version, table, "the log", (rows, keep) => model is ExternalModel external
            ? external.EvaluateLogged(rows, keep.Select(i => logged[i]).ToArray())
            : Score(model, version, rows, "the log"), seed, time, cancellationToken);
    }

    private static (PerformanceEstimator Estimator, int Rows) Fit(LoadedModel model, int version, Table data, string name, Func<Table, int[], WindowOutputs> evaluate,
        int seed, TimeProvider time, CancellationToken cancellationToken)
    {
        var labels = model.Labels;
        if (!data.TryGetColumn(labels.LabelColumn, out var label))
        {
            throw new EstimatorInputException($"{name} has no label column '{labels.LabelColumn}': the estimator is fitted on labelled rows.");
        }

        var known = ModelScoring.KnownLabels(labels, label);
        var labelled = label.Length - label.MissingCount;
        var unknown = Enumerable.Range(0, label.Length).Where(i => !label.IsMissing(i) && !known[i]).ToArray();
        if (unknown.Length > 0)
        {
            var first = unknown[0];
            throw new EstimatorInputException(labels.Task == AutoMLTask.Regression
                ? string.Create(CultureInfo.InvariantCulture, $"{name}: {unknown.Length} of its {labelled} labelled rows have a '{labels.LabelColumn}' that is not a number (row {first + 1}: '{label.FormatCell(first)}').")
                : string.Create(CultureInfo.InvariantCulture, $"{name}: {unknown.Length} of its {labelled} labelled rows have a '{labels.LabelColumn}' version {version} does not know (row {first + 1}: '{label.FormatCell(first)}'); its classes are {string.Join(", ", labels.Classes)}."));
        }

        if (labelled < PerformanceEstimator.MinHoldoutRows)
        {
            throw new EstimatorInputException(string.Create(CultureInfo.InvariantCulture,
                $"{name} has {labelled} labelled rows of {label.Length}; fitting the estimator needs at least {PerformanceEstimator.MinHoldoutRows}."));
        }

        var keep = Enumerable.Range(0, label.Length).Where(i => known[i]).ToArray();
        var rows = data.Filter(known);
        var outputs = evaluate(rows, keep);
        var usable = outputs.Outcomes?.Rows ?? 0;
        if (usable < rows.RowCount)
        {
            throw new EstimatorInputException(model.CanScore
                ? string.Create(CultureInfo.InvariantCulture, $"version {version} scored only {usable} of the {rows.RowCount} labelled rows of {name}.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{rows.RowCount - usable} of the {rows.RowCount} labelled rows of {name} have no usable prediction{(labels.Task == AutoMLTask.Regression ? "" : " and score")} of version {version} (an external model is estimated from the outputs it logged{(model is ExternalModel { PredictionColumn: { } column } ? $", or a file's column '{column}'" : "")})."));
        }

        var outcomes = outputs.Outcomes!;
        if (labels.Task != AutoMLTask.Regression && outcomes.Probabilities is null)
        {
            throw new EstimatorInputException($"the rows of {name} carry no probabilities of version {version}, which CBPE needs (log a score with each prediction).");
        }

        var features = labels.Task == AutoMLTask.Regression ? rows.WithoutColumns([.. model.OutputColumns.Where(rows.Contains)]) : null;
        var estimator = PerformanceEstimator.TryFit(outcomes, features, labels.LabelColumn, out var why, seed, time, cancellationToken)
            ?? throw new EstimatorInputException($"no estimator can be fitted on {name}: {why}.");
        return (estimator, outcomes.Rows);
    }

    private static WindowOutputs Score(LoadedModel model, int version, Table rows, string name)
    {
        try
        {
            return model.Evaluate(rows);
        }
        catch (AutoMLException e)
        {
            throw new EstimatorInputException($"version {version} cannot score {name}: {e.Message}", e);
        }
    }
}
