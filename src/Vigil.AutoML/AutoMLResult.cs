using Vigil.AutoML.Bundles;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Validation;

namespace Vigil.AutoML;

/// <summary>What a fit found: the best configuration, every trial, and the final model.</summary>
public sealed record AutoMLResult
{
    public required AutoMLTask Task { get; init; }

    public required Metric Metric { get; init; }

    public required string BestLearner { get; init; }

    public required IReadOnlyDictionary<string, double> BestConfig { get; init; }

    /// <summary>Validation loss of the best configuration (1 − score for higher-is-better metrics).</summary>
    public required double BestLoss { get; init; }

    /// <summary>Validation loss of the final model: <see cref="BestLoss"/>, or lower when it is a blend (see <see cref="Members"/>).</summary>
    public double FinalValidationLoss { get; init; }

    /// <summary>Learners of the final model and their weights (one entry unless a blend was chosen).</summary>
    public IReadOnlyList<Bundles.BundleMember> Members => Model.Manifest.Members;

    public required IReadOnlyList<LearnerSummary> BestPerLearner { get; init; }

    public required IReadOnlyList<Trial> Trials { get; init; }

    /// <summary>The final model (refitted on all training rows unless <see cref="RefittedOnAllRows"/> is false).</summary>
    public required ModelBundle Model { get; init; }

    public required ValidationMethod ValidationMethod { get; init; }

    public required bool RefittedOnAllRows { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Documented behaviours that applied (dropped all-missing columns, refit skipped, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The validation score of the best configuration in the metric's own direction.</summary>
    public double BestScore => MetricEvaluator.HigherIsBetter(Metric) ? 1 - BestLoss : BestLoss;

    /// <summary>Best configuration of each learner, best first: pass as <see cref="AutoMLOptions.StartingPoints"/> to warm-start.</summary>
    public IReadOnlyList<StartingPoint> StartingPoints() =>
        BestPerLearner.Where(s => s.BestConfig is not null).OrderBy(s => s.BestLoss)
            .Select(s => new StartingPoint(s.Learner, s.BestConfig!)).ToArray();
}
