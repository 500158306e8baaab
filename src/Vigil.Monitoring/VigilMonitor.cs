using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reporting;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Telemetry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring;

/// <summary>
/// The library API over one workspace: train and register models, log predictions and late labels, run checks,
/// evaluate the retrain policy, retrain with champion/challenger, and build reports. The CLI and the server are thin
/// layers over this type. Thread-safe for concurrent checks; one retrain per model at a time is the caller's rule.
/// </summary>
public sealed partial class VigilMonitor : IDisposable
{
    private readonly ConcurrentDictionary<(string Model, int Version), (LoadedModel Model, ReferenceProfile Profile)> _loaded = new();
    // Per version: the estimator in use and the stamp of the refit it was read for (0: none), so a refit stored by
    // another process (the CLI beside the service) is picked up at the next check.
    private readonly ConcurrentDictionary<(string Model, int Version), (long Stamp, VersionEstimator Estimator)> _estimators = new();
    private readonly ConcurrentDictionary<(string Model, int Version), Multivariate.MultivariateCheck> _multivariate = new();
    private readonly TimeProvider _time;

    private VigilMonitor(VigilWorkspace workspace, VigilMonitorOptions options, TimeProvider time)
    {
        Workspace = workspace;
        Options = options;
        _time = time;
    }

    public VigilWorkspace Workspace { get; }

    public VigilMonitorOptions Options { get; }

    /// <summary>Opens (or creates) the workspace in <paramref name="folder"/>.</summary>
    public static VigilMonitor Open(string folder, VigilMonitorOptions? options = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        options ??= new VigilMonitorOptions();
        return new VigilMonitor(VigilWorkspace.Open(folder, time, options.Durability), options, time);
    }

    /// <summary>
    /// A monitor over an open <paramref name="workspace"/> (any backend), which it owns from now on (disposed with it).
    /// <paramref name="time"/> should be the clock the workspace was opened with.
    /// </summary>
    public static VigilMonitor Open(VigilWorkspace workspace, VigilMonitorOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new VigilMonitor(workspace, options ?? new VigilMonitorOptions(), time ?? TimeProvider.System);
    }

    /// <summary>Trains a version with AutoML and registers it (the model's first version becomes champion).</summary>
    public TrainedVersion Train(string model, Table data, TrainRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        // A watch list that does not fit the task fails before minutes of training, and nothing is registered.
        if (request.Watch is { } watch && ModelTrainer.TaskOf(data, request) is { } task)
        {
            watch.RequireTask(task);
        }

        var trained = ModelTrainer.Train(Workspace, model, data, request, null, cancellationToken);
        if (request.Watch is { } chosen)
        {
            Workspace.Store.SetWatchedMetrics(model, chosen, request.CreatedBy);
        }

        return trained;
    }

    /// <summary>Logs scored rows; duplicates by id are ignored and counted.</summary>
    public IngestResult LogPredictions(string model, IReadOnlyList<PredictionRecord> rows) =>
        Workspace.Store.LogPredictions(model, rows);

    /// <summary>Logs labels by prediction id; labels that arrive before their prediction wait and are joined later.</summary>
    public LabelResult LogLabels(string model, IReadOnlyList<LabelRecord> labels) => Workspace.Store.LogLabels(model, labels);

    /// <summary>
    /// Checks a window of rows against the champion: drift and quality always, performance when the label column is
    /// present. The result and the policy's decision are saved in the history.
    /// </summary>
    public CheckOutcome Check(string model, Table window, CheckRequest? request = null, CancellationToken cancellationToken = default) =>
        CheckSpan.Run(model, request?.Trigger, span => CheckWindow(span, model, window, request, cancellationToken));

    private CheckOutcome CheckWindow(Activity? span, string model, Table window, CheckRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var champion = Champion(model);
        CheckSpan.Version(span, champion.Version);
        var (loaded, profile) = Load(champion);

        // Score the window when its columns allow it; a window the model cannot read is still checked for drift and quality.
        WindowOutputs? outputs = null;
        if (window.RowCount > 0)
        {
            try
            {
                outputs = loaded.Evaluate(window);
            }
            catch (AutoMLException)
            {
                // Missing or retyped columns: the quality check reports them.
            }
        }

        return Record(model, champion, profile, WithoutOutputs(window, loaded), outputs, request, cancellationToken);
    }

    /// <summary>
    /// Checks logged rows selected by <paramref name="window"/> (labels joined so far are used). The stream detectors
    /// are brought up to date first, so the decision sees every change they found.
    /// </summary>
    public CheckOutcome CheckLogged(string model, WindowSpec window, CancellationToken cancellationToken = default) =>
        CheckLogged(model, window, null, cancellationToken);

    /// <inheritdoc cref="CheckLogged(string, WindowSpec, CancellationToken)"/>
    /// <param name="trigger">What started the check (<c>api</c>, <c>scheduler</c>), recorded on its span.</param>
    public CheckOutcome CheckLogged(string model, WindowSpec window, string? trigger, CancellationToken cancellationToken = default) =>
        CheckSpan.Run(model, trigger, span => CheckLoggedWindow(span, model, window, trigger, cancellationToken));

    private CheckOutcome CheckLoggedWindow(Activity? span, string model, WindowSpec window, string? trigger, CancellationToken cancellationToken)
    {
        var champion = Champion(model);
        CheckSpan.Version(span, champion.Version);
        var (loaded, profile) = Load(champion);
        if (Options.Streams.Enabled)
        {
            StreamWatch.Update(Workspace.Store, model, champion.Version, loaded.Task, Options.Streams, _time, cancellationToken);
        }

        var rows = Workspace.Store.ReadWindow(model, window);
        var table = LoggedRowTable.ToTable(rows, profile.LoggedColumnKinds(), loaded.Labels.LabelColumn);
        var request = new CheckRequest
        {
            WindowStart = rows.Count > 0 ? rows[0].Timestamp : null,
            WindowEnd = rows.Count > 0 ? rows[^1].Timestamp : null,
            Trigger = trigger,
        };
        if (loaded is not ExternalModel external)
        {
            return CheckWindow(span, model, table, request, cancellationToken);
        }

        // A model Vigil cannot run is judged by what it logged: its predictions and scores beside the joined labels.
        var outputs = rows.Count > 0 ? external.EvaluateLogged(table, rows) : null;
        return Record(model, champion, profile, table, outputs, request, cancellationToken);
    }

    /// <summary>The champion of <paramref name="model"/> loaded for scoring (any kind); loaded once per version.</summary>
    public LoadedModel ChampionModel(string model) => Load(Champion(model)).Model;

    /// <summary>A version loaded for scoring (any kind); loaded once per version.</summary>
    public LoadedModel ModelOf(ModelVersion version) => Load(version).Model;

    private CheckOutcome Record(string model, ModelVersion champion, ReferenceProfile profile, Table window, WindowOutputs? outputs,
        CheckRequest? request, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();

        // The model's watched metrics as they stand now (stored, configured or default) decide this check.
        var watch = ResolveWatch(model, Load(champion).Model.Task);
        var checkOptions = Options.Monitoring with { Performance = Options.Monitoring.Performance with { Watched = watch.Metrics } };
        var estimator = Estimator(champion);
        // The multivariate reference (encoding, PCA, thresholds) is prepared once per version, not per check.
        var multivariate = Options.Monitoring.Multivariate.Enabled
            ? _multivariate.GetOrAdd((champion.Model, champion.Version), _ => new Multivariate.MultivariateCheck(profile, Options.Monitoring.Multivariate))
            : null;
        var monitor = new WindowMonitor(model, champion.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), profile, checkOptions, _time,
            estimator.Estimator, estimator.Why, multivariate);
        var result = EstimatorSources.Annotate(monitor.Check(new MonitoringWindow
        {
            Start = request?.WindowStart ?? now,
            End = request?.WindowEnd ?? now,
            Rows = window,
            Outcomes = outputs?.Outcomes,
            Predictions = outputs?.Scored,
            Scores = outputs?.Scores,
        }, cancellationToken), estimator);
        var record = new CheckRecord(model, champion.Version, result.RanAt, result.Window.Start, result.Window.End,
            window.RowCount, result.Status == MonitoringStatus.Alarm, StatusAlerts.State(result.Status), MonitoringJson.Serialize(result))
        {
            LabelledRows = result.Performance?.Rows ?? 0,
        };
        var decision = Options.Policy.Evaluate(result, RetrainContextFor(model, record));

        // The check, its decision and the alerts they cause commit together (the alert outbox).
        var rows = window.RowCount;
        var (checkId, _) = Workspace.Store.SaveCheckAndDecision(record,
            new DecisionRecord(model, null, decision.DecidedAt, decision.Retrain, MonitoringJson.Serialize(decision)),
            new CheckAlerts(
                (previous, id) => StatusAlerts.Change(result, champion.Version, rows, previous, id),
                (id, decisionId) => RetrainAlerts.Decided(model, champion.Version, decision, id, decisionId,
                    retrainable: champion.Kind == ModelKind.Vigil)));
        return new CheckOutcome(checkId, result, decision, outputs?.Dropped ?? 0);
    }

    // An external model's prediction and score columns are its outputs, not features: the quality check would call them extra.
    private static Table WithoutOutputs(Table window, LoadedModel model)
    {
        var outputs = model.OutputColumns;
        return outputs.Count == 0 || !outputs.Any(window.Contains)
            ? window
            : window.SelectColumns(window.ColumnNames.Where(n => !outputs.Contains(n)).ToArray());
    }

    /// <summary>
    /// Feeds the rows logged and labelled since the last call to the model's online change detectors (see
    /// <see cref="StreamOptions"/>), storing their state, cursor and detections in one transaction per batch.
    /// The service calls it on every scheduler poll; a library user calls it whenever suits (a check does it too).
    /// </summary>
    public StreamUpdate WatchStreams(string model, CancellationToken cancellationToken = default)
    {
        var champion = Champion(model);
        return StreamWatch.Update(Workspace.Store, model, champion.Version, Load(champion).Model.Task, Options.Streams, _time, cancellationToken);
    }

    /// <summary>Where each of the model's streams stands (champion followed, values read, each detector's figure).</summary>
    public IReadOnlyList<StreamStatus> StreamStatus(string model)
    {
        ModelName.Validate(model);
        return StreamWatch.Status(Workspace.Store, model);
    }

    /// <summary>Retrains with champion/challenger (see <see cref="ChampionChallenger"/>).</summary>
    public RetrainOutcome Retrain(string model, RetrainRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = ChampionChallenger.Retrain(Workspace, model, request, _time, cancellationToken);
        _loaded.Clear();
        _estimators.Clear();
        return outcome;
    }

    /// <summary>The report data for <paramref name="model"/> (render with <c>HtmlReport</c> or <c>ReportJson</c>).</summary>
    public ModelReport Report(string model) => ReportBuilder.Build(Workspace, model, _time) with { Shadow = ReportedShadow(model) };

    /// <summary>The watched metrics <paramref name="model"/>'s checks use now, and where they come from.</summary>
    public EffectiveWatch Watched(string model)
    {
        var (bundle, _) = Load(Champion(model));
        return ResolveWatch(model, bundle.Task);
    }

    /// <summary>
    /// Stores <paramref name="watched"/> as <paramref name="model"/>'s watched metrics (kept across versions and
    /// retrains); throws <see cref="WatchedMetricsInputException"/> when a metric is not one its task tracks.
    /// </summary>
    public EffectiveWatch SetWatched(string model, WatchedMetrics watched, string setBy = "library")
    {
        ArgumentNullException.ThrowIfNull(watched);
        var (bundle, _) = Load(Champion(model));
        Workspace.Store.SetWatchedMetrics(model, watched.RequireTask(bundle.Task), setBy);
        return ResolveWatch(model, bundle.Task);
    }

    /// <summary>Removes <paramref name="model"/>'s stored watched metrics, so the configured or task default applies again.</summary>
    public EffectiveWatch ResetWatched(string model)
    {
        var (bundle, _) = Load(Champion(model));
        Workspace.Store.ClearWatchedMetrics(model);
        return ResolveWatch(model, bundle.Task);
    }

    // Most specific first: stored for the model, configured for the model, the configured default, the task's default.
    private EffectiveWatch ResolveWatch(string model, AutoMLTask task)
    {
        var performance = Options.Monitoring.Performance;
        var stored = Workspace.Store.GetWatchedMetrics(model);
        WatchedMetrics metrics;
        WatchSource source;
        if (stored is not null)
        {
            (metrics, source) = (Require(stored.Metrics, task, $"The watched metrics stored for model '{model}'"), WatchSource.Model);
        }
        else if (Options.WatchedByModel.TryGetValue(model, out var configured))
        {
            (metrics, source) = (Require(configured, task, $"The configured watched metrics of model '{model}'"), WatchSource.Configuration);
        }
        else if (performance.Watched?.OfTask(task) is { } common)
        {
            (metrics, source) = (common, WatchSource.ConfiguredDefault);
        }
        else
        {
            (metrics, source) = (WatchedMetrics.Default(task), WatchSource.TaskDefault);
        }

        var rule = DegradationRule.For(task, performance with { Watched = metrics });
        return new EffectiveWatch(model, task, rule.Watched, source, performance.MaxRelativeDrop, performance.Level, rule.IntervalLevel, stored?.SetAt, stored?.SetBy);
    }

    private static WatchedMetrics Require(WatchedMetrics metrics, AutoMLTask task, string what)
    {
        try
        {
            return metrics.RequireTask(task);
        }
        catch (WatchedMetricsInputException e)
        {
            throw new WatchedMetricsInputException($"{what} do not fit its task: {e.Message}", e);
        }
    }

    /// <summary>The current champion, or a clear error naming the known models.</summary>
    public ModelVersion Champion(string model)
    {
        ModelName.Validate(model);
        return Workspace.Registry.GetChampion(model) ?? throw new WorkspaceInputException(
            Workspace.Registry.ListModels() is { Count: > 0 } known
                ? $"Model '{model}' is not in the workspace {Workspace.Location}. Models: {string.Join(", ", known)}."
                : $"Model '{model}' is not in the workspace {Workspace.Location}, which has no models yet; train one with 'vigil train'.");
    }

    private (LoadedModel Model, ReferenceProfile Profile) Load(ModelVersion version) =>
        _loaded.GetOrAdd((version.Model, version.Version), _ => (ModelLoader.Load(version), ModelTrainer.LoadProfile(version)));

    // Read once per version and refit: the refitted estimator when one is stored, else the bundle's estimator.json,
    // or why the version has none. One primary-key lookup per check tells whether a refit has been stored since.
    private VersionEstimator Estimator(ModelVersion version)
    {
        var refit = Workspace.Store.GetVersionEstimator(version.Model, version.Version, withJson: false);
        var stamp = refit is null ? 0 : refit.FittedAt.UtcTicks;
        var key = (version.Model, version.Version);
        if (_estimators.TryGetValue(key, out var cached) && cached.Stamp == stamp)
        {
            return cached.Estimator;
        }

        var chosen = EstimatorSources.Read(Workspace.Store, version, refit is not null);
        _estimators[key] = (stamp, chosen);
        return chosen;
    }

    // Labelled rows seen by checks since the last retrain (the check about to be saved included), and the retrain
    // times the policy's gates need.
    private RetrainContext RetrainContextFor(string model, CheckRecord check)
    {
        var now = _time.GetUtcNow();
        var succeeded = Workspace.Store.ListRetrains(model).Where(r => r.Status == RetrainStatus.Succeeded).ToArray(); // newest first
        var retrains = succeeded.Select(r => r.FinishedAt ?? r.RequestedAt).ToArray();
        var unpromoted = succeeded.TakeWhile(r => r.Promoted != true).Count();
        DateTimeOffset? last = retrains.Length == 0 ? null : retrains.Max();
        // The check is saved with its decision, so it is not in the stored sum yet: add its rows as the sum would.
        var stored = Workspace.Store.CountLabelledRowsChecked(model, last);
        var labelled = (int)Math.Min(int.MaxValue, stored + (last is null || check.RanAt >= last ? check.LabelledRows : 0));
        var recent = retrains.Where(t => t > now - Options.Policy.Period).ToArray();
        // Changes found for the serving champion since the last retrain, on the streams configured as a reason.
        var champion = Workspace.Registry.GetChampion(model)?.Version;
        var changes = Workspace.Store.ReadStreamDetections(model, kind: StreamDetection.Change, after: last)
            .Where(d => d.ModelVersion == champion && Options.Streams.RetrainsOn(d.Stream)).ToArray();
        return new RetrainContext(labelled, last, recent, now, unpromoted, changes);
    }

    public void Dispose() => Workspace.Dispose();
}
