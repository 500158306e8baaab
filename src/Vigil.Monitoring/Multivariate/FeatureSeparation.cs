namespace Vigil.Monitoring.Multivariate;

/// <summary>A feature that helps the domain classifier tell current rows from reference rows: its share of the total split gain.</summary>
public sealed record FeatureSeparation(string Name, double Importance);
