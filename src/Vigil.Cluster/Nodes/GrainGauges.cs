using System.Collections.Concurrent;

namespace Vigil.Cluster.Nodes;

/// <summary>
/// The model grains active on this silo and the rows each has pending (since its last scheduled check), for the
/// node's <c>/metrics</c>. Summed over the nodes, they are the cluster's figures: each grain lives on one silo.
/// </summary>
public sealed class GrainGauges
{
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);

    /// <summary>Rows pending per model whose grain is active here.</summary>
    public IReadOnlyDictionary<string, long> Pending => _pending;

    /// <summary>Model grains active on this silo.</summary>
    public int ActiveGrains => _pending.Count;

    internal void Set(string model, long pending) => _pending[model] = pending;

    internal void Forget(string model) => _pending.TryRemove(model, out _);
}
