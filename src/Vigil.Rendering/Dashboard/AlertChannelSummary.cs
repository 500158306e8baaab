namespace Vigil.Rendering.Dashboard;

/// <summary>A configured alert channel as the dashboard shows it: its name, format and what it receives (no URL, no secret).</summary>
public sealed record AlertChannelSummary(string Name, string Format, string Receives);
