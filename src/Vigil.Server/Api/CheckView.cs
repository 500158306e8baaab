using System.Text.Json;

namespace Vigil.Server.Api;

/// <summary>A check with its full result (drift, quality, performance) and the retrain decision taken after it.</summary>
/// <param name="Result">The monitoring result, as stored.</param>
/// <param name="Decision">The retrain decision with every trigger's reason, or null when none was recorded.</param>
public sealed record CheckView(CheckSummary Check, JsonElement Result, DecisionView? Decision);
