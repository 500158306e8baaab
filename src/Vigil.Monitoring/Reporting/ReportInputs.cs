using System.Globalization;
using System.Text.Json;
using Vigil.AutoML.Bundles;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// Everything a report reads, loaded once: versions, readable checks (oldest first), history and the profiles the
/// checks ran against. Unreadable stored JSON is not fatal: it becomes a note so the rest of the report still renders.
/// </summary>
internal sealed class ReportInputs
{
    private readonly Dictionary<int, ReferenceProfile?> _profiles = [];
    private readonly List<QualityFindingView> _notes = [];

    private ReportInputs(IReadOnlyList<ModelVersion> versions)
    {
        Versions = versions;
        Champion = versions.FirstOrDefault(v => v.IsChampion);
    }

    public IReadOnlyList<ModelVersion> Versions { get; }

    public ModelVersion? Champion { get; }

    /// <summary>Check records loaded (readable or not), at most the caller's limit.</summary>
    public int CheckCount { get; private set; }

    /// <summary>Readable checks, oldest first.</summary>
    public IReadOnlyList<ParsedCheck> Checks { get; private set; } = [];

    public IReadOnlyList<DecisionEntry> Decisions { get; private set; } = [];

    public IReadOnlyList<RetrainRun> Retrains { get; private set; } = [];

    public IReadOnlyList<RegistryEvent> RegistryEvents { get; private set; } = [];

    /// <summary>Changes the online detectors found, newest first.</summary>
    public IReadOnlyList<Streams.StreamDetection> StreamChanges { get; private set; } = [];

    /// <summary>Problems met while reading (unreadable check results or profiles), as report-level findings.</summary>
    public IReadOnlyList<QualityFindingView> Notes => _notes;

    /// <summary>The latest readable check, or null.</summary>
    public ParsedCheck? Latest => Checks.Count == 0 ? null : Checks[^1];

    /// <summary>The champion's reference profile, or null when it has none (or it cannot be read).</summary>
    public ReferenceProfile? ChampionProfile => Champion is null ? null : ProfileOf(Champion.Version);

    public static ReportInputs Load(VigilWorkspace workspace, string model, int maxChecks)
    {
        var versions = workspace.Registry.ListVersions(model);
        if (versions.Count == 0)
        {
            // ListVersions does not throw for an unknown model; a report of nothing would hide a typo.
            var known = workspace.Registry.ListModels();
            throw new WorkspaceInputException(known.Count == 0
                ? $"Model '{model}' is not registered: the workspace has no models yet."
                : $"Model '{model}' is not registered. Registered models: {string.Join(", ", known)}.");
        }

        var inputs = new ReportInputs(versions);
        var entries = workspace.Store.ReadChecks(model, maxChecks);
        inputs.CheckCount = entries.Count;
        inputs.Checks = entries.Reverse().Select(inputs.Readable).OfType<ParsedCheck>().ToArray();
        inputs.Decisions = workspace.Store.ReadDecisions(model);
        inputs.Retrains = workspace.Store.ListRetrains(model);
        inputs.RegistryEvents = workspace.Registry.Events(model);
        inputs.StreamChanges = workspace.Store.ReadStreamDetections(model, kind: Streams.StreamDetection.Change);
        return inputs;
    }

    /// <summary>The profile of <paramref name="version"/>, read once; null when absent or unreadable.</summary>
    public ReferenceProfile? ProfileOf(int version)
    {
        if (_profiles.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var stored = Versions.FirstOrDefault(v => v.Version == version);
        ReferenceProfile? profile = null;
        if (stored?.ProfilePath is not null)
        {
            try
            {
                if (VersionFile.Profile(stored) is { } file)
                {
                    profile = MonitoringJson.Deserialize<ReferenceProfile>(file.ReadAllText());
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or BundleFormatException)
            {
                AddNote("unreadable_profile", $"The profile of v{version} could not be read, so its baselines and histograms are missing: {e.Message}");
            }
        }

        _profiles[version] = profile;
        return profile;
    }

    private ParsedCheck? Readable(CheckEntry entry)
    {
        if (entry.Result is { } result)
        {
            return new ParsedCheck(entry.Record, result);
        }

        // Skipped everywhere but counted in TotalEvaluations: it did run, only its result is lost.
        AddNote("unreadable_check", string.Format(CultureInfo.InvariantCulture,
            "Check {0} (ran {1:yyyy-MM-dd HH:mm} UTC) has an unreadable result and is left out of this report: {2}",
            entry.Record.Id, entry.Record.RanAt.UtcDateTime, entry.Error));
        return null;
    }

    private void AddNote(string kind, string detail) =>
        _notes.Add(new QualityFindingView { Kind = kind, Severity = "warning", Detail = detail });
}
