namespace Vigil.Server.Api;

/// <summary>Register a bundle folder that already sits inside the workspace folder.</summary>
/// <param name="Path">Folder relative to the workspace (e.g. "imports/churn-v7"): a saved model bundle, with profile.json or training.csv.</param>
/// <param name="Promote">Make it champion now (default: only when it is the model's first version).</param>
public sealed record RegisterRequest(string? Path, string? Reason, bool? Promote);
