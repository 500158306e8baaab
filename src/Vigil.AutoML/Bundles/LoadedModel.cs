using Microsoft.ML;

namespace Vigil.AutoML.Bundles;

/// <summary>An ML.NET model with the context that owns it (contexts are not thread-safe; calls lock on it).</summary>
internal sealed record LoadedModel(MLContext Context, ITransformer Model)
{
    /// <summary>Prediction engine for small calls, built on first use (under the context lock).</summary>
    public RowScorer? Scorer { get; set; }
}
