using Vigil.AutoML.Metrics;
using Vigil.AutoML.Validation;

namespace Vigil.AutoML;

/// <summary>What to train and how long to search. Immutable; use <c>with</c> to vary.</summary>
public sealed record AutoMLOptions
{
    /// <summary>Name of the label column.</summary>
    public required string Label { get; init; }

    public AutoMLTask Task { get; init; } = AutoMLTask.Auto;

    /// <summary>Metric to optimise; Default = FLAML's (ROC AUC / log loss / R²).</summary>
    public Metric Metric { get; init; } = Metric.Default;

    /// <summary>Wall-clock budget for the whole fit including the final refit; null = no limit (then set <see cref="MaxTrials"/>).</summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stop after this many trials; null = until the budget runs out.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>Seeds splits, search directions, learner choice and trainers.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Learner names to use ("lgbm", "rf", "fasttree", "linear", "xt"); null = all.</summary>
    public IReadOnlyList<string>? Learners { get; init; }

    public ValidationMethod Validation { get; init; } = ValidationMethod.Auto;

    /// <summary>Folds for cross-validation.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Share of rows held out when validating on a holdout split.</summary>
    public double HoldoutFraction { get; init; } = 0.1;

    /// <summary>Configurations evaluated first, per learner in the given order (e.g. <see cref="AutoMLResult.StartingPoints"/>).</summary>
    public IReadOnlyList<StartingPoint>? StartingPoints { get; init; }

    /// <summary>Threads per trainer; null = 1 below <see cref="AutoMLEngine.SmallDataRows"/> rows, else the processor count. Fixed per data size, so runs reproduce.</summary>
    public int? Threads { get; init; }

    /// <summary>Called after every trial (on the fitting thread).</summary>
    public Action<AutoMLProgress>? Progress { get; init; }

    /// <summary>Clock for the budget; tests may substitute one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Refit the best configuration on all rows at the end (else keep the model of the best trial, trained on that trial's rows).</summary>
    public bool RefitOnAllRows { get; init; } = true;

    /// <summary>Allow the final model to be a weighted average of the two best learners when that validates clearly better.</summary>
    public bool Blend { get; init; } = true;

    /// <summary>
    /// Early stopping inside boosting: a LightGBM trial (lgbm, xt, lgbm_linear, lgbm_limitdepth; every task) of at least 100 searched rounds stops
    /// adding trees once its validation loss has not improved for a tenth of them (10–50 rounds), rolls back to its best
    /// round, and is recorded with the rounds it kept, which the refit then trains. Off by default: on the FLAML
    /// benchmark it lost on elec at 10 s and on digits and gained little elsewhere (docs/automl.md).
    /// </summary>
    public bool EarlyStopping { get; init; }

    /// <summary>Holdout training sets larger than this many rows × 4 start on a sample of this size that grows ×4.</summary>
    public int InitialSampleSize { get; init; } = 10_000;
}
