namespace Vigil.Monitoring.Streams;

/// <summary>
/// Which online change detectors watch a model's streams (see <see cref="StreamKind"/>) and which of their changes
/// are a reason to retrain (<c>StreamChange</c> in the retrain policy).
/// </summary>
public sealed record StreamOptions
{
    /// <summary>False: no stream is watched. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Detectors on the error stream. Default DDM and ADWIN (DDM and EDDM read bits, so a regression model's absolute errors go to the others only).</summary>
    public IReadOnlyList<string> ErrorDetectors { get; init; } = ["ddm", "adwin"];

    /// <summary>Detectors on the score stream. Default Page–Hinkley and ADWIN.</summary>
    public IReadOnlyList<string> ScoreDetectors { get; init; } = ["page_hinkley", "adwin"];

    /// <summary>A change on the error stream is a reason to retrain. Default true.</summary>
    public bool RetrainOnErrorChange { get; init; } = true;

    /// <summary>A change on the score stream is a reason to retrain. Default false: scores move with the inputs, which drift checks already judge.</summary>
    public bool RetrainOnScoreChange { get; init; }

    /// <summary>The detectors' parameters.</summary>
    public DetectorSettings Settings { get; init; } = new();

    /// <summary>Rows read and committed together while catching up. Default 5000.</summary>
    public int BatchRows { get; init; } = 5000;

    /// <summary>The detectors of <paramref name="stream"/>.</summary>
    public IReadOnlyList<string> DetectorsOf(StreamKind stream) => stream == StreamKind.Error ? ErrorDetectors : ScoreDetectors;

    /// <summary>Whether a change on <paramref name="stream"/> is a reason to retrain.</summary>
    public bool RetrainsOn(StreamKind stream) => stream == StreamKind.Error ? RetrainOnErrorChange : RetrainOnScoreChange;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> with one line naming the first bad setting: an unknown or repeated
    /// detector, a parameter a detector refuses, a batch below 1.
    /// </summary>
    public void Validate()
    {
        if (BatchRows < 1)
        {
            throw new ArgumentException($"BatchRows is {BatchRows}; it must be at least 1.");
        }

        foreach (var stream in new[] { StreamKind.Error, StreamKind.Score })
        {
            var names = DetectorsOf(stream) ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (!seen.Add(name))
                {
                    throw new ArgumentException($"Detector '{name}' is listed twice for the {stream.ToString().ToLowerInvariant()} stream.");
                }

                Settings.Create(name); // unknown names and refused parameters throw here
            }
        }
    }
}
