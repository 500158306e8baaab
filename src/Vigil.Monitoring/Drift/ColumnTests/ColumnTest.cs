using Vigil.Data.Tables;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// The contract of a drift test on one column: which column kinds it accepts, the smallest samples it runs on, and the
/// comparison of a reference sample with a current one. <see cref="DriftAnalyzer"/> prepares the samples (missing
/// values dropped, numbers sorted once, categories counted over their union), runs the test chosen for the column
/// (<see cref="DriftOptions.Tests"/>, else the registry's default for the kind), corrects the p-values across columns
/// and applies the decision rule; a test only turns two samples into a statistic and a p-value.
/// Implementations must be stateless or immutable: columns are compared in parallel.
/// </summary>
public abstract class ColumnTest
{
    /// <summary>Short name used by <c>vigil drift --test COLUMN=NAME</c>, the JSON field <c>test</c> and the registry.</summary>
    public abstract string Name { get; }

    /// <summary>What the test is, for people (e.g. "two-sample Kolmogorov–Smirnov").</summary>
    public abstract string Title { get; }

    /// <summary>Column kinds (of the reference column as read) the test accepts.</summary>
    public abstract IReadOnlyList<ColumnKind> Kinds { get; }

    /// <summary>Smallest non-missing reference sample the test runs on; below it the column is reported as not tested.</summary>
    public virtual int MinReference => 1;

    /// <summary>Smallest non-missing current sample the test runs on.</summary>
    public virtual int MinCurrent => 1;

    /// <summary>True when the test accepts a column of <paramref name="kind"/>.</summary>
    public bool Accepts(ColumnKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// Compares the two samples. Called only for an accepted kind and samples at least the minimum sizes; returns
    /// <see cref="ColumnTestResult.NotRun"/> (with the reason) when the data leave the test undefined.
    /// </summary>
    public abstract ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options);

    public override string ToString() => Name;
}
