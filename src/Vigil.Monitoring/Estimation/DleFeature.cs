namespace Vigil.Monitoring.Estimation;

/// <summary>
/// One input of a DLE model: a feature column read as a number, or as the index of its category among those of the
/// holdout (an unseen or missing category is missing, which LightGBM routes on its own).
/// </summary>
/// <param name="Name">Column name.</param>
/// <param name="Categories">The holdout's categories in code order; null for a numeric column.</param>
public sealed record DleFeature(string Name, IReadOnlyList<string>? Categories = null);
