using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>The report's multivariate section, copied from stored results (checks stored before it existed have none and are left out).</summary>
internal static class MultivariateViews
{
    public static MultivariateView? Build(IReadOnlyList<ParsedCheck> checks)
    {
        var with = checks.Where(c => c.Result.Multivariate is not null).ToArray();
        if (with.Length == 0)
        {
            return null;
        }

        var latest = with[^1].Result.Multivariate!;
        return new MultivariateView
        {
            MinAuc = latest.DomainClassifier.MinAuc,
            Latest = latest,
            Points = with.Select(c =>
            {
                var m = c.Result.Multivariate!;
                return new MultivariatePoint
                {
                    At = c.At,
                    CheckId = c.Id,
                    Auc = m.DomainClassifier.Auc,
                    PValue = m.DomainClassifier.PValue,
                    ClassifierDrifted = m.DomainClassifier.Drifted,
                    Error = m.Reconstruction.Error,
                    Lower = m.Reconstruction.Lower,
                    Upper = m.Reconstruction.Upper,
                    ReferenceError = m.Reconstruction.ReferenceError,
                    ReconstructionDrifted = m.Reconstruction.Drifted,
                };
            }).ToArray(),
        };
    }
}
