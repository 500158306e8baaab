namespace Vigil.Server.Api;

/// <summary>Which logged rows to check: the last <paramref name="Last"/> rows, or timestamps in [From, To); default the scheduler's window.</summary>
public sealed record CheckRequestBody(int? Last, DateTimeOffset? From, DateTimeOffset? To);
