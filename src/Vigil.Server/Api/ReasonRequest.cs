namespace Vigil.Server.Api;

/// <summary>A body with only a reason (rollback).</summary>
public sealed record ReasonRequest(string? Reason);
