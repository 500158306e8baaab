using System.Data.Common;
using System.Text.Json;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>Rows of the shadow tables read into records, shared by every backend (they store the same columns in the same form).</summary>
internal static class ShadowRecords
{
    public const string ShadowColumns = "model, version, position, set_at, set_by, reason";

    /// <summary>The columns <see cref="Pair"/> reads: a logged row (p) and its shadow score (s).</summary>
    public const string PairColumns =
        "p.id, p.ts, p.features, p.prediction, p.score, p.label, p.model_version, p.label_observed_at, s.prediction_seq, s.prediction, s.score, s.probabilities";

    public static StoredShadow Shadow(DbDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetInt64(2), StoredTime.FromTicks(r.GetInt64(3)), r.GetString(4), r.GetString(5));

    public static ShadowPair Pair(DbDataReader r) =>
        new(StoredRecords.Logged(r),
            new ShadowScore(r.GetInt64(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetDouble(10),
                r.IsDBNull(11) ? null : JsonSerializer.Deserialize<double[]>(r.GetString(11))));

    /// <summary>The stored form of a multiclass row's class probabilities (JSON array), or null.</summary>
    public static object Probabilities(ShadowScore score) =>
        score.Probabilities is { } p ? JsonSerializer.Serialize(p) : DBNull.Value;
}
