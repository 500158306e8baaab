using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Shadows;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring;

// Challengers: the retraining rows of any champion from the log (with an external champion's logged outputs), and shadows.
public sealed partial class VigilMonitor
{
    /// <summary>
    /// A retrain request on the <paramref name="rows"/> logged rows of <paramref name="model"/> whose labels arrived
    /// last (oldest first). For a champion that cannot score (kind <c>external</c>) it carries the champion's logged
    /// prediction and score of every row, its side of the comparison. Set the budget and reason with <c>with</c>.
    /// </summary>
    public RetrainRequest LoggedRetrainRequest(string model, int rows)
    {
        var champion = Champion(model);
        var (loaded, profile) = Load(champion);
        var logged = Workspace.Store.ReadRecentlyLabelled(model, rows);
        var scoresItself = loaded.CanScore;
        return new RetrainRequest
        {
            Data = LoggedRowTable.ToTable(logged, profile.LoggedColumnKinds(), loaded.Labels.LabelColumn),
            ChampionPredictions = scoresItself ? null : logged.Select(r => (string?)r.Prediction).ToArray(),
            ChampionScores = scoresItself ? null : logged.Select(r => r.Score).ToArray(),
        };
    }

    /// <summary>
    /// Makes <paramref name="version"/> the shadow of <paramref name="model"/>: every row logged from now on is also
    /// scored by it (in the background, <see cref="ScoreShadow"/>) and its outputs stored. Refused (nothing changes):
    /// an unknown version (<see cref="WorkspaceInputException"/>), the champion itself or a version that reads other
    /// columns or another label (<see cref="ShadowStateException"/>), an external version, which cannot score
    /// (<see cref="ModelKindException"/>).
    /// </summary>
    public StoredShadow SetShadow(string model, int version, string setBy = "library", string reason = "shadow set")
    {
        var champion = Champion(model);
        var target = Workspace.Registry.GetVersion(model, version);
        if (target.Version == champion.Version)
        {
            throw new ShadowStateException($"Version {version} is the champion of model '{model}'; a shadow is another version scored beside it.");
        }

        if (target.Kind == ModelKind.External)
        {
            throw new ModelKindException(
                $"Version {version} of model '{model}' is of kind 'external', which cannot shadow: it has no model to score the logged rows with (its predictions are made outside Vigil).");
        }

        var (shadowModel, _) = Load(target);
        var (championModel, championProfile) = Load(champion);
        if (shadowModel.Labels.LabelColumn != championModel.Labels.LabelColumn || shadowModel.Task != championModel.Task)
        {
            throw new ShadowStateException(
                $"Version {version} of model '{model}' predicts '{shadowModel.Labels.LabelColumn}' ({shadowModel.Task.ToString().ToLowerInvariant()}), the champion '{championModel.Labels.LabelColumn}' ({championModel.Task.ToString().ToLowerInvariant()}); a shadow must predict the same label.");
        }

        var logged = championProfile.LoggedColumnKinds();
        var missing = shadowModel.InputKinds.Keys.Where(c => !logged.ContainsKey(c)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new ShadowStateException(
                $"Version {version} of model '{model}' reads {string.Join(", ", missing.Select(c => $"'{c}'"))}, which the champion's logged rows do not carry; a shadow scores the rows logged for the champion.");
        }

        return Workspace.Store.SetShadow(model, version, setBy, reason);
    }

    /// <summary>Stops <paramref name="model"/>'s shadow (its stored outputs stay); false when it had none.</summary>
    public bool ClearShadow(string model)
    {
        Champion(model);
        return Workspace.Store.ClearShadow(model);
    }

    /// <summary>
    /// <paramref name="model"/>'s shadow, or null when it has none. A shadow that has since become the champion (promoted
    /// by hand) is no longer a shadow: it is cleared here.
    /// </summary>
    public StoredShadow? Shadow(string model)
    {
        var champion = Champion(model);
        var shadow = Workspace.Store.GetShadow(model);
        if (shadow is not null && shadow.Version == champion.Version)
        {
            Workspace.Store.ClearShadow(model);
            return null;
        }

        return shadow;
    }

    /// <summary>
    /// Scores the rows logged for <paramref name="model"/> that its shadow has not scored yet (at most
    /// <paramref name="maxRows"/> in this call); null when it has no shadow. The service calls it on every poll.
    /// </summary>
    public ShadowProgress? ScoreShadow(string model, int maxRows = int.MaxValue, CancellationToken cancellationToken = default)
    {
        if (Shadow(model) is not { } shadow)
        {
            return null;
        }

        var (shadowModel, profile) = Load(Workspace.Registry.GetVersion(model, shadow.Version));
        return ShadowScoring.Update(Workspace.Store, shadow, shadowModel, profile, maxRows, cancellationToken);
    }

    /// <summary>Champion and shadow compared on the same newest labelled rows under <see cref="VigilMonitorOptions.Shadow"/>; null without a shadow.</summary>
    public ShadowStatus? ShadowStatus(string model)
    {
        if (Shadow(model) is not { } shadow)
        {
            return null;
        }

        var champion = Champion(model);
        var (championModel, championProfile) = Load(champion);
        var shadowVersion = Workspace.Registry.GetVersion(model, shadow.Version);
        return ShadowComparison.Compare(Workspace.Store, shadow, champion, championModel, championProfile, shadowVersion, Load(shadowVersion).Model, Options.Shadow);
    }

    /// <summary>
    /// Promotes <paramref name="model"/>'s shadow when the shadow policy says it is better (enough labelled rows, and
    /// the paired interval of its improvement clears the margin) and clears the shadow. <see cref="ShadowStateException"/>
    /// (naming the figures) when it has no shadow or the shadow has not shown it is better.
    /// </summary>
    public (ModelVersion Promoted, ShadowStatus Status) PromoteShadow(string model, string actor = "library")
    {
        var status = ShadowStatus(model)
            ?? throw new ShadowStateException($"Model '{model}' has no shadow; set one with 'vigil models shadow --model {model} --version N'.");
        var decision = Options.Shadow.Evaluate(status);
        if (!decision.Promote)
        {
            throw new ShadowStateException(
                $"Shadow version {status.ShadowVersion} of model '{model}' is not promoted: {decision.Summary}. ('vigil models promote --version {status.ShadowVersion}' promotes it regardless.)");
        }

        var promoted = Workspace.Registry.Promote(model, status.ShadowVersion, "shadow " + decision.Summary, actor);
        Workspace.Store.ClearShadow(model);
        return (promoted, status);
    }

    /// <summary>
    /// The shadow policy's verdict on <paramref name="model"/>'s shadow, and — when <see cref="ShadowPolicy.AutoPromote"/>
    /// is on and it says promote — the promotion. Null without a shadow.
    /// </summary>
    public (ShadowDecision Decision, ModelVersion? Promoted)? ReviewShadow(string model, string actor = "shadow policy")
    {
        if (ShadowStatus(model) is not { } status)
        {
            return null;
        }

        var decision = Options.Shadow.Evaluate(status);
        if (!decision.Promote || !Options.Shadow.AutoPromote)
        {
            return (decision, null);
        }

        var promoted = Workspace.Registry.Promote(model, status.ShadowVersion, "shadow " + decision.Summary, actor);
        Workspace.Store.ClearShadow(model);
        return (decision, promoted);
    }

    // The report's shadow section: none without a champion or a shadow, and none (rather than no report) when the
    // shadow's version cannot be loaded.
    private ShadowStatus? ReportedShadow(string model)
    {
        if (!ModelName.IsValid(model) || Workspace.Registry.GetChampion(model) is null || Workspace.Store.GetShadow(model) is null)
        {
            return null;
        }

        try
        {
            return ShadowStatus(model);
        }
        catch (Exception e) when (e is Vigil.AutoML.Bundles.BundleFormatException or WorkspaceInputException or ModelKindException or IOException)
        {
            return null;
        }
    }
}
