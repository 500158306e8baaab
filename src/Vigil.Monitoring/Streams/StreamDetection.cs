namespace Vigil.Monitoring.Streams;

/// <summary>An online detector's finding on one of a model's streams: a change, or the start of a warning zone.</summary>
/// <param name="Id">Store id (0 before it is stored).</param>
/// <param name="Stream">The stream it was found on.</param>
/// <param name="Detector">The detector's name (<c>adwin</c>, <c>ddm</c>, <c>page_hinkley</c>, …).</param>
/// <param name="Kind"><c>change</c> or <c>warning</c>.</param>
/// <param name="DetectedAt">When the detector read the value (workspace clock).</param>
/// <param name="ModelVersion">The champion version whose stream it was.</param>
/// <param name="Observation">1-based position of the value in the champion's stream.</param>
/// <param name="PredictionId">The id of the logged row whose value set it off.</param>
/// <param name="RowTime">That row's timestamp (when it was scored).</param>
/// <param name="Detail">What the detector saw, with figures.</param>
public sealed record StreamDetection(
    long Id,
    string Model,
    StreamKind Stream,
    string Detector,
    string Kind,
    DateTimeOffset DetectedAt,
    int ModelVersion,
    long Observation,
    string PredictionId,
    DateTimeOffset RowTime,
    string Detail)
{
    /// <summary><see cref="Kind"/> of a change.</summary>
    public const string Change = "change";

    /// <summary><see cref="Kind"/> of a warning.</summary>
    public const string Warning = "warning";
}
