namespace Vigil.Cluster.Models;

/// <summary>
/// How the models are dealt over the active silos when a silo joins: the model names sorted ordinally, the silos
/// sorted, model i to silo i mod S. Every grain computes the same deal from the same membership and model list, so a
/// silo that joins is dealt its share (N/S models, give or take one) without any coordination between the grains.
/// </summary>
public static class ModelDeal
{
    /// <summary>The silo <paramref name="model"/> is dealt to, or null when it is not among <paramref name="models"/> or there is no silo.</summary>
    public static T? SiloFor<T>(string model, IEnumerable<string> models, IEnumerable<T> silos)
        where T : class, IComparable<T>
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(silos);
        var sortedModels = models.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sortedSilos = silos.Distinct().Order().ToList();
        var index = sortedModels.IndexOf(model);
        return index < 0 || sortedSilos.Count == 0 ? null : sortedSilos[index % sortedSilos.Count];
    }
}
