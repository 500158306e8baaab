using Vigil.Monitoring.Store;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Api;

/// <summary>
/// A parsed batch of rows: the records, each row's features already in the store's JSON form, and (for scoring)
/// the feature values.
/// </summary>
internal sealed class PredictionBatch(int capacity, RowProblemList findings)
{
    public List<PredictionRecord> Rows { get; } = new(capacity);

    public List<string> FeaturesJson { get; } = new(capacity);

    /// <summary>The rows' feature values in the champion's columns, when the reader was asked to keep them (scoring).</summary>
    public FeatureColumns? Values { get; init; }

    /// <summary>Rows that came without an id (the server gave them one); only allowed when scoring.</summary>
    public int GeneratedIds { get; set; }

    /// <summary>Schema problems of rows stored anyway (lenient ingestion); empty otherwise.</summary>
    public RowProblemList Findings { get; } = findings;
}
