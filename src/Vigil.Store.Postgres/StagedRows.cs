using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// The rows of one ingestion call, checked and encoded, with each id's first row only (the contract: the first row of
/// an id is kept, later ones are duplicates), as column arrays ready to be sent as array parameters. Choosing the
/// first row here spares the database a staging table and a sort; ids that are already stored are left to the
/// insert's conflict clause.
/// </summary>
internal sealed class StagedRows
{
    private readonly Dictionary<string, int> _batchOf;

    private StagedRows(int capacity)
    {
        _batchOf = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        Ids = new string[capacity];
        Ticks = new long[capacity];
        Features = new string[capacity];
        Predictions = new string[capacity];
        Scores = new double?[capacity];
        ModelVersions = new int?[capacity];
    }

    public int Count { get; private set; }

    public string[] Ids { get; private set; }

    public long[] Ticks { get; private set; }

    public string[] Features { get; private set; }

    public string[] Predictions { get; private set; }

    public double?[] Scores { get; private set; }

    public int?[] ModelVersions { get; private set; }

    /// <summary>The batch (index in the call) whose row of <paramref name="id"/> is the one kept.</summary>
    public int BatchOf(string id) => _batchOf[id];

    /// <summary>How many rows each of <paramref name="batches"/> batches keeps (its rows whose id came first in it).</summary>
    public int[] KeptPerBatch(int batches)
    {
        var kept = new int[batches];
        foreach (var batch in _batchOf.Values)
        {
            kept[batch]++;
        }

        return kept;
    }

    /// <summary>
    /// Checks and encodes every row of <paramref name="batches"/> (throwing before anything is written when one is
    /// invalid) and keeps the first row of each id in arrival order.
    /// </summary>
    public static StagedRows Stage(string model, IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, Func<int, string> Features)> batches)
    {
        var staged = new StagedRows(batches.Sum(b => b.Rows.Count));
        for (var b = 0; b < batches.Count; b++)
        {
            var (rows, features) = batches[b];
            for (var i = 0; i < rows.Count; i++)
            {
                var row = IngestRows.Row(model, rows, i);
                var encoded = features(i);
                var prediction = IngestRows.Prediction(row);
                PostgresText.Check(row.Id, "prediction id", model);
                PostgresText.Check(prediction, "prediction value", model);
                if (staged._batchOf.TryAdd(row.Id, b))
                {
                    var n = staged.Count++;
                    staged.Ids[n] = row.Id;
                    staged.Ticks[n] = StoredTime.ToTicks(row.Timestamp);
                    staged.Features[n] = encoded;
                    staged.Predictions[n] = prediction;
                    staged.Scores[n] = row.Score;
                    staged.ModelVersions[n] = row.ModelVersion;
                }
            }
        }

        staged.Trim();
        return staged;
    }

    // The arrays are sent whole, so duplicates within the call must not leave empty slots at the end.
    private void Trim()
    {
        if (Count == Ids.Length)
        {
            return;
        }

        Ids = Ids[..Count];
        Ticks = Ticks[..Count];
        Features = Features[..Count];
        Predictions = Predictions[..Count];
        Scores = Scores[..Count];
        ModelVersions = ModelVersions[..Count];
    }
}
