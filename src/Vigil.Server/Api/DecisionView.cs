using System.Text.Json;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>A retrain decision: whether to retrain and, in <paramref name="Detail"/>, the summary and every trigger's why and why not.</summary>
public sealed record DecisionView(long Id, long? CheckId, DateTimeOffset DecidedAt, bool Retrain, JsonElement Detail)
{
    public static DecisionView From(DecisionRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.CheckId, d.DecidedAt, d.Retrain, StoredJson.Parse(d.ReasonsJson));
    }
}
