namespace Vigil.Server.Api;

/// <summary>
/// A retrain request. Budget in seconds and/or a trial cap (default: the scheduler's budget); <paramref name="Rows"/>
/// most recent labelled rows (default: the scheduler's RetrainRows).
/// </summary>
public sealed record RetrainRequestBody(double? BudgetSeconds, int? MaxTrials, int? Rows, string? Reason);
