namespace Vigil.Statistics.MultipleTesting;

/// <summary>Adjusted p-values (capped at 1) and rejections at the given alpha, in the input order.</summary>
public sealed record MultipleTestingResult(double[] Adjusted, bool[] Reject, CorrectionMethod Method, double Alpha);
