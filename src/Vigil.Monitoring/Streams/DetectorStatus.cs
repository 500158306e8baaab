namespace Vigil.Monitoring.Streams;

/// <summary>One detector of a stream, as the API shows it.</summary>
/// <param name="Name">Detector name.</param>
/// <param name="Observations">Values since it last started over (after a change it starts again).</param>
/// <param name="Estimate">Its running figure: the window mean (ADWIN), error rate (DDM), mean distance between errors (EDDM), running mean (Page–Hinkley) or last p-value (KSWIN).</param>
/// <param name="Warning">True while a binary detector is in its warning zone.</param>
public sealed record DetectorStatus(string Name, long Observations, double Estimate, bool Warning);
