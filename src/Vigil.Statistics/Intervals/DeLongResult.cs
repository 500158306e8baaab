namespace Vigil.Statistics.Intervals;

/// <summary>ROC AUC with its DeLong variance.</summary>
/// <param name="Auc">Area under the ROC curve (equal to <c>BinaryMetrics.RocAuc</c>).</param>
/// <param name="Variance">DeLong variance of the AUC estimate.</param>
/// <param name="Positives">Rows of class 1.</param>
/// <param name="Negatives">Rows of class 0.</param>
public sealed record DeLongResult(double Auc, double Variance, int Positives, int Negatives)
{
    /// <summary>Square root of <see cref="Variance"/>.</summary>
    public double StandardError => Math.Sqrt(Variance);
}
