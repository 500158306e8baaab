namespace Vigil.Rendering.Dashboard;

/// <summary>One breadcrumb: its text and link (null for the current page).</summary>
public sealed record Crumb(string Text, string? Href);
