namespace Vigil.Server.Api;

/// <summary>Make <paramref name="Version"/> the model's shadow (it scores every row logged from now on beside the champion).</summary>
public sealed record ShadowRequest(int? Version, string? Reason);
