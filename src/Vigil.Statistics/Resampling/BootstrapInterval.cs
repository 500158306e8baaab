namespace Vigil.Statistics.Resampling;

/// <summary>Percentile bootstrap confidence interval.</summary>
/// <param name="Estimate">The metric on all rows (0..n−1 once each).</param>
/// <param name="Lower">Percentile (1 − level)/2 of the resampled values (numpy linear percentile).</param>
/// <param name="Upper">Percentile (1 + level)/2 of the resampled values.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
/// <param name="Resamples">Number of resamples with a finite metric value used for the percentiles.</param>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper, double Level, int Resamples);
