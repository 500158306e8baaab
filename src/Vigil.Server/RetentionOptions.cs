namespace Vigil.Server;

/// <summary>How long raw prediction rows are kept (<c>Vigil:Retention</c>); history (checks, decisions, events) is kept always.</summary>
public sealed class RetentionOptions
{
    /// <summary>False keeps every raw row forever. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Raw prediction rows older than this (by their time), once a stored check covers them, are deleted. Default 30 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the background pass runs. Default 1 hour; the first pass runs a minute after start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
