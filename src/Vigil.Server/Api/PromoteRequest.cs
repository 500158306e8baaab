namespace Vigil.Server.Api;

/// <summary>Make <paramref name="Version"/> the champion.</summary>
public sealed record PromoteRequest(int? Version, string? Reason);
