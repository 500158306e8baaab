namespace Vigil.Server.Api;

/// <summary>The answer to a retrain request: the run id to poll (its URL is in Location).</summary>
public sealed record RetrainAccepted(long Id, string Status, string Url);
