using Vigil.Monitoring;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;

namespace Vigil.Replay;

/// <summary>What a strategy sees after a batch: the labelled batch, the champion that scored it, and its workspace.</summary>
public sealed record ReplayBatchContext
{
    /// <summary>0-based index of the batch among the replayed ones.</summary>
    public required int Batch { get; init; }

    /// <summary>The batch's rows with their labels revealed.</summary>
    public required Table Rows { get; init; }

    /// <summary>Simulated start and end of the batch (the clock stands at the end).</summary>
    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>The strategy's own workspace (its own copy of the model's history).</summary>
    public required VigilMonitor Monitor { get; init; }

    /// <summary>The model's name in the workspace.</summary>
    public required string Model { get; init; }

    /// <summary>The champion that scored the batch.</summary>
    public required ModelVersion Champion { get; init; }

    /// <summary>The champion's reference profile (with its holdout baseline).</summary>
    public required ReferenceProfile ChampionProfile { get; init; }

    /// <summary>The champion's predictions on the batch's labelled rows; null when no row had a usable label.</summary>
    public PredictionSet? Outcomes { get; init; }

    /// <summary>Batches scored since the last retrain (or since the start), this one included.</summary>
    public required int BatchesSinceRetrain { get; init; }

    /// <summary>Loads the data the champion was trained on (its kept training.csv), read with the batch's column kinds.</summary>
    public required Func<Table> ChampionTrainingData { get; init; }
}
