namespace Vigil.Server.Api;

/// <summary>Refit a version's estimator on the log: <c>{"from_log": true, "rows": N}</c> (rows default 10,000).</summary>
public sealed record EstimatorRequest(bool? FromLog, int? Rows);
