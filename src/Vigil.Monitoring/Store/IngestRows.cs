using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The checks every store backend applies to a batch of predictions before it stores a row, and the stored form of
/// each row's features, so a batch one backend refuses the other refuses with the same message.
/// </summary>
internal static class IngestRows
{
    /// <summary>The stored features of row i: each row's <see cref="PredictionRecord.Features"/> encoded.</summary>
    public static Func<int, string> Encoding(IReadOnlyList<PredictionRecord> rows)
    {
        var json = new FeatureJson();
        return i =>
        {
            var row = rows[i];
            return json.Encode(row.Id, row.Features ?? throw new WorkspaceInputException($"Prediction '{row.Id}' has no features."));
        };
    }

    /// <summary>The stored features of row i: the caller's encoded JSON (see <see cref="IMonitoringStore.LogEncodedPredictions"/>).</summary>
    public static Func<int, string> Encoded(IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson) =>
        i => featuresJson[i] ?? throw new WorkspaceInputException($"Prediction '{rows[i].Id}' has no features.");

    /// <summary>Throws unless every batch has one feature object per row.</summary>
    public static void CheckShapes(IReadOnlyList<(IReadOnlyList<PredictionRecord> Rows, IReadOnlyList<string> FeaturesJson)> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        foreach (var (rows, features) in batches)
        {
            CheckShape(rows, features, nameof(batches));
        }
    }

    /// <summary>Throws unless <paramref name="featuresJson"/> has one feature object per row.</summary>
    public static void CheckShape(IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> featuresJson, string parameter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featuresJson);
        if (featuresJson.Count != rows.Count)
        {
            throw new ArgumentException($"Got {featuresJson.Count} feature objects for {rows.Count} rows.", parameter);
        }
    }

    /// <summary>Row <paramref name="i"/> of a batch for <paramref name="model"/>; throws when it has no id.</summary>
    public static PredictionRecord Row(string model, IReadOnlyList<PredictionRecord> rows, int i)
    {
        var row = rows[i] ?? throw new ArgumentException($"Prediction {i} of the batch is null.", nameof(rows));
        if (string.IsNullOrEmpty(row.Id))
        {
            throw new WorkspaceInputException($"Prediction {i} of the batch for model '{model}' has no id.");
        }

        return row;
    }

    /// <summary>The prediction value of <paramref name="row"/>; throws when it has none.</summary>
    public static string Prediction(PredictionRecord row) =>
        row.Prediction ?? throw new WorkspaceInputException($"Prediction '{row.Id}' has no prediction value.");
}
