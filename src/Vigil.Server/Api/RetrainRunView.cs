using System.Text.Json;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>A retrain run: its status and, when finished, the outcome (scores, interval, promoted or kept and why) or the error.</summary>
public sealed record RetrainRunView(
    long Id, string Model, DateTimeOffset RequestedAt, string Reason, string Status, DateTimeOffset? FinishedAt,
    int? ChallengerVersion, bool? Promoted, JsonElement? Detail)
{
    public static RetrainRunView From(RetrainRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Model, r.RequestedAt, r.Reason, r.Status.ToString().ToLowerInvariant(), r.FinishedAt,
            r.ChallengerVersion, r.Promoted, r.DetailJson is null ? null : StoredJson.Parse(r.DetailJson));
    }
}
