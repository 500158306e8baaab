using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Shadows;

/// <summary>
/// A champion Vigil did not train (here a log-only, external model) gets a cold-started AutoML challenger, compared on
/// the same newest labelled rows through the champion's logged predictions and scores with the paired bootstrap:
/// promoted when it is clearly better on a drifted stream, kept when it is not.
/// </summary>
public sealed class ForeignChampionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-foreign-").FullName;

    private VigilMonitor OpenWithExternal(ConceptStream.Rows logged, bool oracle)
    {
        var monitor = VigilMonitor.Open(_folder);
        ModelRegistration.Register(monitor.Workspace, "ext", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = ConceptStream.ExternalReference(ConceptStream.Make(800, conceptB: false, seed: 1)),
            Label = ConceptStream.Label, PredictionColumn = "pred", ScoreColumns = ["p_yes"],
        });
        monitor.LogPredictions("ext", logged.LoggedByA("r", Start, oracle));
        monitor.LogLabels("ext", logged.Labels("r"));
        return monitor;
    }

    [Fact]
    public void OnADriftedStream_TheChallengerBeatsTheLoggedPredictions_AndIsPromoted()
    {
        var stream = ConceptStream.Make(1000, conceptB: true, seed: 2);
        using var monitor = OpenWithExternal(stream, oracle: false);

        var outcome = monitor.Retrain("ext", monitor.LoggedRetrainRequest("ext", 1000) with { TimeBudget = null, MaxTrials = 4, Seed = 5 });

        Assert.True(outcome.Promoted, outcome.Reason);
        Assert.Equal("external", outcome.ChampionKind);
        Assert.Equal("logged", outcome.ChampionOutputs);
        Assert.False(outcome.WarmStarted);
        Assert.Contains("no warm start", outcome.Note, StringComparison.Ordinal);
        Assert.Equal(300, outcome.HoldoutRows); // the newest 30 % of 1000 rows
        Assert.Equal("roc_auc", outcome.Metric);

        // The champion's side is exactly its logged scores on the newest 300 rows, computed here independently.
        var holdout = Enumerable.Range(700, 300).ToArray();
        var expected = ConceptStream.Auc(holdout.Select(i => stream.Y[i] == "yes").ToArray(), holdout.Select(i => stream.ScoreA(i)).ToArray());
        Assert.Equal(expected, outcome.ChampionScore, 12);
        Assert.True(outcome.ImprovementLower > 0, outcome.Reason);

        var champion = monitor.Champion("ext");
        Assert.Equal(outcome.ChallengerVersion, champion.Version);
        Assert.Equal(ModelKind.Vigil, champion.Kind);
        var run = monitor.Workspace.Store.ListRetrains("ext", 1).Single();
        Assert.Equal(RetrainStatus.Succeeded, run.Status);
        Assert.Contains("no warm start", run.DetailJson, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheLoggedPredictionsCannotBeBeaten_TheExternalChampionIsKept()
    {
        var stream = ConceptStream.Make(1000, conceptB: false, seed: 3);
        using var monitor = OpenWithExternal(stream, oracle: true);

        var outcome = monitor.Retrain("ext", monitor.LoggedRetrainRequest("ext", 1000) with { TimeBudget = null, MaxTrials = 4, Seed = 5 });

        Assert.False(outcome.Promoted, outcome.Reason);
        Assert.Equal(1.0, outcome.ChampionScore, 12); // the oracle's logged scores order every pair
        Assert.Equal(1, monitor.Champion("ext").Version);
        Assert.Equal(ModelKind.External, monitor.Champion("ext").Kind);
        Assert.StartsWith("champion kept", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void APromotionHeldBack_IsComparedAndRecordedButNotPromoted()
    {
        var stream = ConceptStream.Make(1000, conceptB: true, seed: 2);
        using var monitor = OpenWithExternal(stream, oracle: false);

        var outcome = monitor.Retrain("ext", monitor.LoggedRetrainRequest("ext", 1000) with
        {
            TimeBudget = null, MaxTrials = 4, Seed = 5, NoPromotionBecause = "configured to compare only",
        });

        Assert.False(outcome.Promoted);
        Assert.True(outcome.ImprovementLower > 0, outcome.Reason);
        Assert.Contains("not promoted: configured to compare only", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(1, monitor.Champion("ext").Version);
    }

    [Fact]
    public void AWindowFileWithoutTheExternalModelsPredictions_IsRefusedBeforeARunIsRecorded()
    {
        var stream = ConceptStream.Make(200, conceptB: true, seed: 4);
        using var monitor = OpenWithExternal(stream, oracle: false);

        var error = Assert.Throws<Vigil.Monitoring.Workspace.WorkspaceInputException>(() =>
            monitor.Retrain("ext", new RetrainRequest { Data = stream.ToTable(), MaxTrials = 2, TimeBudget = null }));
        Assert.Contains("no column 'pred'", error.Message, StringComparison.Ordinal);
        Assert.Empty(monitor.Workspace.Store.ListRetrains("ext"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
