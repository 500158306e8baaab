using Vigil.Monitoring.Policy;

namespace Vigil.Server;

/// <summary>
/// Shadow challengers in the service (<c>Vigil:Shadow</c>): how the background scorer runs, and the policy that
/// compares a shadow with its champion (<see cref="ShadowPolicy"/>).
/// </summary>
public sealed class ShadowSettings
{
    /// <summary>How often the scorer looks for logged rows its shadows have not scored. Default 1 s.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most rows scored per model in one pass, so one model's backlog does not starve the others; a model with more
    /// waiting is scored again in the next pass, which follows at once (not after <see cref="Poll"/>). Default 20,000.
    /// </summary>
    public int RowsPerPoll { get; set; } = 20_000;

    /// <summary>Nice value of the scoring thread (0–19), so ingestion gets the cores first. Default 10.</summary>
    public int Nice { get; set; } = 10;

    /// <summary>How often the policy reviews a shadow for promotion (only with <see cref="AutoPromote"/>). Default 1 minute.</summary>
    public TimeSpan ReviewEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Promote a shadow by policy once it is promotable. Default false: a person promotes (CLI or API).</summary>
    public bool AutoPromote { get; set; }

    /// <summary>Labelled rows needed before the comparison may promote. Default 200.</summary>
    public int MinLabelledRows { get; set; } = 200;

    /// <summary>Newest labelled rows compared. Default 5,000.</summary>
    public int MaxLabelledRows { get; set; } = 5000;

    /// <summary>Improvement the shadow must show in the metric (larger is better). Default 0.</summary>
    public double Margin { get; set; }

    /// <summary>Metric that decides (null: the task's primary).</summary>
    public string? Metric { get; set; }

    /// <summary>The library policy these settings describe.</summary>
    public ShadowPolicy ToPolicy() => new()
    {
        AutoPromote = AutoPromote,
        MinLabelledRows = MinLabelledRows,
        MaxLabelledRows = MaxLabelledRows,
        Margin = Margin,
        Metric = Metric,
    };
}
