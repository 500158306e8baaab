using System.IO.Compression;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>A workspace written by an earlier release opens, and its whole history reads as typed records.</summary>
public sealed class HistoryUpgradeTests : IDisposable
{
    private const string Model = "demo-classifier";
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-upgrade-").FullName;

    public HistoryUpgradeTests()
    {
        ZipFile.ExtractToDirectory(Path.Combine(AppContext.BaseDirectory, "Store", "Fixtures", "workspace-c12d94c.zip"), _folder);
    }

    [Fact]
    public void ChecksOfAnEarlierRelease_ReadWithTheirResults()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var checks = monitor.Workspace.Store.ReadChecks(Model);
        Assert.Equal(8, checks.Count);
        Assert.All(checks, c => Assert.True(c.IsReadable, c.Error));
        Assert.Equal(["alarm", "alarm", "alarm", "healthy", "healthy", "healthy", "healthy", "warning"],
            checks.Select(c => c.Result!.Status.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal(c.Record.Rows, c.Result!.Window.Rows));
        var one = monitor.Workspace.Store.ReadCheck(checks[^1].Record.Id);
        Assert.Equal(checks[^1].Record, one!.Record);
    }

    [Fact]
    public void DecisionsOfAnEarlierRelease_ReadWithTheOutcomesTheirBooleansImply()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var decisions = monitor.Workspace.Store.ReadDecisions(Model);
        Assert.Equal(8, decisions.Count);
        Assert.All(decisions, d => Assert.True(d.IsReadable, d.Error));
        Assert.Equal(2, decisions.Count(d => d.Record.Retrain));
        foreach (var d in decisions)
        {
            Assert.Equal(6, d.Decision!.Triggers.Count);
            Assert.Equal(3, d.Decision.Triggers.Count(t => t.Kind == TriggerKind.Gate));
            // Retrain was decided exactly when a reason fired and no gate blocked: the rule, re-derived from the outcomes.
            Assert.Equal(d.Record.Retrain, d.Decision.Triggers.Any(t => t.Outcome == TriggerOutcome.Fired) && d.Decision.Triggers.All(t => t.Outcome != TriggerOutcome.Blocks));
            Assert.Equal(d.Record.Id, monitor.Workspace.Store.GetDecisionForCheck(d.Record.CheckId!.Value)!.Id);
        }
    }

    [Fact]
    public void TheReportOfAnEarlierRelease_ShowsItsHistoryWithoutUnreadableNotes()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var report = monitor.Report(Model);
        Assert.Equal(8, report.Summary.TotalEvaluations);
        Assert.DoesNotContain(report.QualityFindings, n => n.Kind is "unreadable_check" or "unreadable_profile");
        Assert.Equal(2, report.Events.Count(e => e.Kind == "retrain_decision"));
        Assert.Contains(report.Events, e => e.Kind == "promotion");
    }

    [Fact]
    public void ResultsAndProfilesOfAnEarlierRelease_HaveNoMultivariatePart_AndTheReportOmitsIt()
    {
        using var monitor = VigilMonitor.Open(_folder);
        Assert.All(monitor.Workspace.Store.ReadChecks(Model), c => Assert.Null(c.Result!.Multivariate));
        Assert.Null(monitor.Report(Model).Multivariate);
        var profile = Directory.EnumerateFiles(_folder, "profile.json", SearchOption.AllDirectories).First();
        var read = Vigil.Monitoring.Checks.MonitoringJson.Deserialize<Vigil.Monitoring.Profiles.ReferenceProfile>(File.ReadAllText(profile));
        Assert.Null(read.RowSample);
        // Checked against such a profile, the methods say they did not run, and why.
        var result = new Vigil.Monitoring.Multivariate.MultivariateCheck(read).Run(new Vigil.Data.Tables.Table(Array.Empty<Vigil.Data.Tables.Column>()));
        Assert.False(result.DomainClassifier.Ran);
        Assert.Equal(Vigil.Monitoring.Multivariate.MultivariateCheck.NoRowSample, result.Reconstruction.Reason);
    }

    [Fact]
    public void ADamagedResult_IsAnEntryWithItsError_AndTheReportNotesIt()
    {
        using (var monitor = VigilMonitor.Open(_folder))
        {
            var latest = monitor.Workspace.Store.ReadChecks(Model, 1)[0].Record;
            monitor.Workspace.Store.SaveCheck(latest with { RanAt = latest.RanAt.AddHours(1), ResultJson = "{\"status\": 7, \"window\": \"" });
        }

        using var reopened = VigilMonitor.Open(_folder);
        var entry = reopened.Workspace.Store.ReadChecks(Model, 1)[0];
        Assert.False(entry.IsReadable);
        Assert.False(string.IsNullOrEmpty(entry.Error));
        var report = reopened.Report(Model);
        Assert.Equal(9, report.Summary.TotalEvaluations);
        Assert.Contains(report.QualityFindings, n => n.Kind == "unreadable_check");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort on a temporary folder.
        }
    }
}
