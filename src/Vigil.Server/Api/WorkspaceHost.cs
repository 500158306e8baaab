using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Monitoring;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Api;

/// <summary>
/// The one open workspace of the service (a singleton; the dashboard may use it too). Opening it repairs what a
/// crash left (half-copied bundles, retrain runs left running are marked abandoned).
/// </summary>
public sealed class WorkspaceHost : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ModelVersion Version, long At)> _champions = new(StringComparer.Ordinal);

    public WorkspaceHost(IOptions<ServerOptions> options, ILogger<WorkspaceHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = StoreSelection.Location(options.Value);
        var monitorOptions = MonitorOptions(options.Value);
        Monitor = StoreStartup.Open(options.Value.StoreStartupWait, Vigil.Stores.WorkspaceOpener.Describe(location), logger,
            () => Vigil.Stores.WorkspaceOpener.OpenMonitor(location, monitorOptions, null, options.Value.BundleCache, options.Value.Workspace));
        logger.LogInformation("Workspace {Store} open ({Models} models).", Vigil.Stores.WorkspaceOpener.Describe(location), Monitor.Workspace.Registry.ListModels().Count);
    }

    public VigilMonitor Monitor { get; }

    // Watched metrics from Vigil:Watch are read once at start; a bad list stops the start with the key that holds it.
    private static VigilMonitorOptions MonitorOptions(ServerOptions options)
    {
        static WatchedMetrics Read(string key, string spec)
        {
            try
            {
                return WatchedMetrics.Parse(spec);
            }
            catch (WatchedMetricsInputException e)
            {
                throw new WatchedMetricsInputException($"Configuration {key}: {e.Message}", e);
            }
        }

        var streams = options.Streams.ToOptions();
        var defaults = new VigilMonitorOptions
        {
            Streams = streams,
            Policy = new Monitoring.Policy.RetrainPolicy { OnStreamChange = streams.Enabled },
            Shadow = options.Shadow.ToPolicy(),
        };
        var byModel = options.Watch.Models.ToDictionary(kv => kv.Key, kv => Read("Vigil:Watch:Models:" + kv.Key, kv.Value), StringComparer.Ordinal);
        var common = string.IsNullOrWhiteSpace(options.Watch.Default) ? null : Read("Vigil:Watch:Default", options.Watch.Default);
        return defaults with
        {
            Durability = options.Durability,
            WatchedByModel = byModel,
            Monitoring = defaults.Monitoring with { Performance = defaults.Monitoring.Performance with { Watched = common } },
        };
    }

    public VigilWorkspace Workspace => Monitor.Workspace;

    /// <summary>
    /// Returns <paramref name="model"/> when it is a valid name of a registered model; 400 for an invalid name,
    /// 404 (naming the known models) for an unknown one.
    /// </summary>
    public string RequireModel(string model)
    {
        if (!ModelName.IsValid(model))
        {
            try
            {
                ModelName.Validate(model);
            }
            catch (WorkspaceInputException e)
            {
                throw ApiProblemException.BadRequest(e.Message);
            }
        }

        if (_known.ContainsKey(model))
        {
            return model;
        }

        if (Workspace.Registry.ListVersions(model).Count == 0)
        {
            var models = Workspace.Registry.ListModels();
            throw ApiProblemException.NotFound(
                $"Model '{model}' is not registered; models: {(models.Count == 0 ? "(none)" : string.Join(", ", models))}.");
        }

        _known[model] = true;
        return model;
    }

    /// <summary>The champion of a registered model, or 409 when it has none.</summary>
    public ModelVersion Champion(string model)
    {
        var champion = Workspace.Registry.GetChampion(RequireModel(model))
            ?? throw ApiProblemException.Conflict($"Model '{model}' has no champion.");
        _champions[model] = (champion, Environment.TickCount64);
        return champion;
    }

    /// <summary>
    /// The champion for scoring: read from the registry at most once per <see cref="ScoringChampionTtlMs"/> per
    /// model, since a registry query per /predict request costs more than the scoring itself. A promotion made
    /// through this server is seen at once (<see cref="ForgetChampion"/>); one made by another process within a second.
    /// </summary>
    public ModelVersion ScoringChampion(string model)
    {
        if (_champions.TryGetValue(model, out var cached) && Environment.TickCount64 - cached.At < ScoringChampionTtlMs)
        {
            return cached.Version;
        }

        return Champion(model);
    }

    /// <summary>Drops the cached champion after a promotion, rollback or retrain in this server.</summary>
    public void ForgetChampion(string model) => _champions.TryRemove(model, out _);

    private const long ScoringChampionTtlMs = 1000;

    /// <summary>A version's model (any kind), loaded once (versions never change once registered).</summary>
    public LoadedModel Model(ModelVersion version) => Monitor.ModelOf(version);

    /// <summary>True when the database answers a query.</summary>
    public bool IsReady()
    {
        try
        {
            _ = Workspace.Store.CountPendingLabels("ready-probe");
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or WorkspaceInputException)
        {
            // SQLite or PostgreSQL not answering (a PostgreSQL server that cannot be reached is a WorkspaceInputException).
            return false;
        }
    }

    public void Dispose() => Monitor.Dispose();
}
