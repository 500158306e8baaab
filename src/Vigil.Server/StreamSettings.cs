using Vigil.Monitoring.Streams;

namespace Vigil.Server;

/// <summary>
/// The online change detectors, bound from <c>Vigil:Streams</c>: which detectors watch each model's error and score
/// streams, their parameters (<c>Vigil:Streams:Detectors:AdwinDelta</c>, …; River's defaults), and which streams'
/// changes are a reason to retrain. Checked when the service starts (see <see cref="StreamSettingsValidation"/>).
/// </summary>
public sealed class StreamSettings
{
    /// <summary>False: no stream is watched and the <c>StreamChange</c> reason never fires. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Detectors on the error stream, comma-separated (adwin, page_hinkley, ddm, eddm, kswin; empty = none). Default <c>ddm,adwin</c>.</summary>
    public string ErrorDetectors { get; set; } = "ddm,adwin";

    /// <summary>Detectors on the score stream, comma-separated. Default <c>page_hinkley,adwin</c>.</summary>
    public string ScoreDetectors { get; set; } = "page_hinkley,adwin";

    /// <summary>A change on the error stream is a retrain reason. Default true.</summary>
    public bool RetrainOnErrorChange { get; set; } = true;

    /// <summary>A change on the score stream is a retrain reason. Default false.</summary>
    public bool RetrainOnScoreChange { get; set; }

    /// <summary>The detectors' parameters.</summary>
    public DetectorSettings Detectors { get; set; } = new();

    /// <summary>Rows read and committed together while a stream catches up. Default 5000.</summary>
    public int BatchRows { get; set; } = 5000;

    /// <summary>The library's options for these settings (not validated; see <see cref="StreamOptions.Validate"/>).</summary>
    public StreamOptions ToOptions() => new()
    {
        Enabled = Enabled,
        ErrorDetectors = Split(ErrorDetectors),
        ScoreDetectors = Split(ScoreDetectors),
        RetrainOnErrorChange = RetrainOnErrorChange,
        RetrainOnScoreChange = RetrainOnScoreChange,
        Settings = Detectors ?? new DetectorSettings(),
        BatchRows = BatchRows,
    };

    private static string[] Split(string? names) =>
        (names ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant().Replace('-', '_')).ToArray();
}
