using Vigil.Monitoring.Multivariate;

namespace Vigil.Monitoring.Reporting.Model;

/// <summary>Multivariate drift in the report: every check that ran it (oldest first) and the latest check's full result.</summary>
public sealed record MultivariateView
{
    /// <summary>The AUC floor the latest check used (drawn as the classifier's threshold).</summary>
    public double MinAuc { get; init; }

    /// <summary>One point per check with a multivariate result.</summary>
    public IReadOnlyList<MultivariatePoint> Points { get; init; } = [];

    /// <summary>The latest such check's result, as stored.</summary>
    public required MultivariateDriftResult Latest { get; init; }
}
