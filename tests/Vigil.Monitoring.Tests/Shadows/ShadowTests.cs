using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Shadows;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Shadows;

/// <summary>
/// Shadow mode: a second version scores every row logged after it was set, once, in the background from the log (and
/// after a restart); champion and shadow are compared on the same labelled rows with the paired bootstrap, and the
/// shadow policy promotes only a shadow that clears it on enough rows.
/// </summary>
public sealed class ShadowTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // v1 learned concept A, v2 concept B; the stream drifted to concept B, so the shadow v2 is the better model.
    private static readonly Lazy<string> Template = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("vigil-shadow-template-").FullName;
        using var monitor = VigilMonitor.Open(folder);
        monitor.Train("m", ConceptStream.Make(1200, conceptB: false, seed: 10).ToTable(), ConceptStream.Quick());
        monitor.Train("m", ConceptStream.Make(1200, conceptB: true, seed: 11).ToTable(), ConceptStream.Quick(champion: false));
        ModelRegistration.Register(monitor.Workspace, "m", new RegistrationRequest
        {
            Kind = ModelKind.External, Reference = ConceptStream.ExternalReference(ConceptStream.Make(400, conceptB: false, seed: 12)),
            Label = ConceptStream.Label, PredictionColumn = "pred", ScoreColumns = ["p_yes"],
        });
        return folder;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-shadow-").FullName;

    public ShadowTests()
    {
        foreach (var file in Directory.EnumerateFiles(Template.Value, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith("-wal", StringComparison.Ordinal) || file.EndsWith("-shm", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(_folder, Path.GetRelativePath(Template.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private VigilMonitor Open(ShadowPolicy? policy = null) =>
        VigilMonitor.Open(_folder, new VigilMonitorOptions { Shadow = policy ?? new ShadowPolicy() });

    [Fact]
    public void EveryRowLoggedAfterTheShadowIsSet_IsScoredExactlyOnce_AcrossARestart()
    {
        var stream = ConceptStream.Make(2500, conceptB: true, seed: 20);
        using (var monitor = Open())
        {
            monitor.LogPredictions("m", stream.LoggedByA("before", Start).Take(100).ToArray()); // before the shadow: not its work
            monitor.SetShadow("m", 2, "test", "try v2");
            monitor.LogPredictions("m", stream.LoggedByA("r", Start.AddHours(1)).Take(1500).ToArray());
            var first = monitor.ScoreShadow("m", maxRows: 1000)!;
            Assert.Equal(1000, first.Scored);
        }

        // A new process (a restart) resumes from the stored cursor.
        using (var monitor = Open())
        {
            monitor.LogPredictions("m", stream.LoggedByA("r", Start.AddHours(1)).Skip(1500).ToArray());
            Assert.Equal(1500, monitor.ScoreShadow("m")!.Scored);
            Assert.Equal(0, monitor.ScoreShadow("m")!.Scored);
            Assert.Equal((2500L, 0L), monitor.Workspace.Store.CountShadowScores("m", 2));

            // Each row once, each one scored as the version scores it, and none of the rows logged before.
            using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "vigil.db")};Mode=ReadOnly");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT p.id, s.score, s.prediction FROM shadow_scores s JOIN predictions p ON p.seq = s.prediction_seq WHERE s.model = 'm' ORDER BY s.prediction_seq";
            using var reader = command.ExecuteReader();
            var stored = new List<(string Id, double Score, string Prediction)>();
            while (reader.Read())
            {
                stored.Add((reader.GetString(0), reader.GetDouble(1), reader.GetString(2)));
            }

            Assert.Equal(2500, stored.Select(s => s.Id).Distinct().Count());
            Assert.DoesNotContain(stored, s => s.Id.StartsWith("before", StringComparison.Ordinal));
            var v2 = monitor.ModelOf(monitor.Workspace.Registry.GetVersion("m", 2));
            var own = v2.Predict(stream.ToTable());
            for (var i = 0; i < 2500; i += 97)
            {
                Assert.Equal(own.Values[i], stored[i].Score, 9);
                Assert.Equal(own.Values[i] >= 0.5 ? "yes" : "no", stored[i].Prediction);
            }
        }
    }

    [Fact]
    public void TheComparison_EqualsAnIndependentComputationOnTheSameLabelledRows()
    {
        var stream = ConceptStream.Make(1200, conceptB: true, seed: 21);
        using var monitor = Open(new ShadowPolicy { MaxLabelledRows = 800 });
        monitor.SetShadow("m", 2, "test", "try v2");
        monitor.LogPredictions("m", stream.LoggedByA("r", Start));
        monitor.ScoreShadow("m");
        Assert.Equal(0, monitor.ShadowStatus("m")!.LabelledRows);
        monitor.LogLabels("m", stream.Labels("r"));

        var status = monitor.ShadowStatus("m")!;

        // The newest 800 labelled rows (labels all arrived together: the newest by arrival are the last 800 logged).
        var rows = Enumerable.Range(400, 800).ToArray();
        var table = stream.ToTable().Take(rows);
        var truth = rows.Select(i => stream.Y[i] == "yes").ToArray();
        var v1 = monitor.ModelOf(monitor.Workspace.Registry.GetVersion("m", 1)).Predict(table).Values;
        var v2 = monitor.ModelOf(monitor.Workspace.Registry.GetVersion("m", 2)).Predict(table).Values;
        var championAuc = ConceptStream.Auc(truth, v1);
        var shadowAuc = ConceptStream.Auc(truth, v2);
        var c = status.Comparison!;
        Assert.Equal(800, status.LabelledRows);
        Assert.Equal("roc_auc", c.Metric);
        Assert.Equal(championAuc, c.ChampionScore, 12);
        Assert.Equal(shadowAuc, c.ChallengerScore, 12);
        Assert.Equal(shadowAuc - championAuc, c.Improvement, 12);
        Assert.InRange(c.Improvement, c.ImprovementLower, c.ImprovementUpper);
        Assert.Equal("scored", status.ChampionOutputs);
        Assert.Equal(1200, status.ScoredRows);
        Assert.True(status.Promotable, status.Verdict);
    }

    [Fact]
    public void ThePolicy_WaitsForEnoughLabelledRows_ThenPromotesTheBetterShadow()
    {
        var stream = ConceptStream.Make(600, conceptB: true, seed: 22);
        using var monitor = Open(new ShadowPolicy { MinLabelledRows = 300, AutoPromote = true });
        monitor.SetShadow("m", 2, "test", "try v2");
        monitor.LogPredictions("m", stream.LoggedByA("r", Start));
        monitor.ScoreShadow("m");
        monitor.LogLabels("m", stream.Labels("r").Take(100).ToArray());

        var early = monitor.ReviewShadow("m")!.Value;
        Assert.False(early.Decision.Promote);
        Assert.Null(early.Promoted);
        Assert.Contains(early.Decision.Criteria, k => k is { Name: "enough_labelled_rows", Passed: false });
        Assert.Contains("100 labelled rows compared, 300 needed", early.Decision.Summary, StringComparison.Ordinal);
        Assert.Throws<ShadowStateException>(() => monitor.PromoteShadow("m"));

        monitor.LogLabels("m", stream.Labels("r").Skip(100).ToArray());
        var review = monitor.ReviewShadow("m")!.Value;
        Assert.True(review.Decision.Promote, review.Decision.Summary);
        Assert.Equal(2, review.Promoted!.Version);
        Assert.Equal(2, monitor.Champion("m").Version);
        Assert.Null(monitor.Shadow("m"));
        Assert.Contains("shadow promote shadow v2", monitor.Workspace.Registry.Events("m").Last().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorseShadow_IsNotPromotedByPolicy()
    {
        var stream = ConceptStream.Make(600, conceptB: true, seed: 23);
        using var monitor = Open(new ShadowPolicy { MinLabelledRows = 300, AutoPromote = true });
        monitor.Workspace.Registry.Promote("m", 2, "test", "test");
        monitor.SetShadow("m", 1, "test", "try the old one");
        monitor.LogPredictions("m", stream.LoggedByA("r", Start));
        monitor.LogLabels("m", stream.Labels("r"));
        monitor.ScoreShadow("m");

        var review = monitor.ReviewShadow("m")!.Value;
        Assert.False(review.Decision.Promote, review.Decision.Summary);
        Assert.Contains(review.Decision.Criteria, k => k is { Name: "shadow_better", Passed: false });
        Assert.Equal(2, monitor.Champion("m").Version);
    }

    [Fact]
    public void AShadowMustBeAnotherVersionThatCanScore()
    {
        using var monitor = Open();
        Assert.Contains("no version 9", Assert.Throws<WorkspaceInputException>(() => monitor.SetShadow("m", 9)).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("kind 'external', which cannot shadow", Assert.Throws<ModelKindException>(() => monitor.SetShadow("m", 3)).Message, StringComparison.Ordinal);
        Assert.Contains("is the champion", Assert.Throws<ShadowStateException>(() => monitor.SetShadow("m", 1)).Message, StringComparison.Ordinal);
        Assert.Null(monitor.Shadow("m"));
    }

    [Fact]
    public void TheReport_ShowsChampionAgainstShadow_AndEveryVersionsKind()
    {
        var stream = ConceptStream.Make(400, conceptB: true, seed: 24);
        using var monitor = Open(new ShadowPolicy { MinLabelledRows = 100 });
        monitor.SetShadow("m", 2, "test", "try v2");
        monitor.LogPredictions("m", stream.LoggedByA("r", Start));
        monitor.LogLabels("m", stream.Labels("r"));
        monitor.ScoreShadow("m");

        var report = monitor.Report("m");
        Assert.NotNull(report.Shadow);
        Assert.Equal(400, report.Shadow!.LabelledRows);
        Assert.Equal(["vigil", "vigil", "external"], report.Versions.Select(v => v.Kind));
        Assert.Contains("unweighted", report.Versions[2].Note, StringComparison.Ordinal);
        var json = Vigil.Monitoring.Reporting.ReportJson.Serialize(report);
        Assert.Contains("\"shadow_version\": 2", json, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
