using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>A generated regression table with the true coefficients: label = Σ Coefficients[j]·f{j} + bias + noise.</summary>
/// <param name="Table">Features f0..f{n-1} and the numeric label.</param>
/// <param name="Coefficients">One per feature; zero for the non-informative ones.</param>
public sealed record RegressionData(Table Table, IReadOnlyList<double> Coefficients);
