using System.Text.Json.Serialization;

namespace Vigil.Server.Api;

/// <summary>
/// A retrain request. Budget in seconds and/or a trial cap (default: the scheduler's budget); <paramref name="Rows"/>
/// most recent labelled rows (default: the scheduler's RetrainRows).
/// Numbers must be JSON numbers: the API's options read "NaN" and "Infinity" strings as doubles, which no budget is.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record RetrainRequestBody(double? BudgetSeconds, int? MaxTrials, int? Rows, string? Reason);
