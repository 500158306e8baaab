using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// A workspace whose column names, category values and version reasons are <see cref="HostileText"/>: a model
/// trained, checked on calm and on shifted data, and retrained; then the real app on a loopback port over it.
/// </summary>
public sealed class HostileFixture() : WorkspaceServerFixture("vigil-hostile-")
{
    public const string Model = "hostile-model";

    /// <summary>The report of the model, as <c>vigil report --html</c> writes it.</summary>
    public string ReportHtml()
    {
        using var monitor = VigilMonitor.Open(Folder);
        return Vigil.Rendering.HtmlReport.Render(monitor.Report(Model));
    }

    protected override void Populate()
    {
        var generated = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 2400, Features = 4, Informative = 3, Redundant = 0, CategoricalFeatures = 1, ClassSeparation = 1.5, Seed = 5,
        });
        var table = Hostile(generated);
        using var monitor = VigilMonitor.Open(Folder);
        monitor.Train(Model, table.Slice(0, 1000), new TrainRequest
        {
            Label = "target", TimeBudget = null, MaxTrials = 2, Seed = 3, CreatedBy = HostileText.Emoji, Reason = HostileText.Script,
        });
        monitor.Check(Model, table.Slice(1000, 400), new CheckRequest());
        var shifted = NumericDrift.MeanShift(table.Slice(1400, 400), HostileText.ColumnNames[0], 1.5, seed: 1);
        monitor.Check(Model, shifted, new CheckRequest());
        monitor.Retrain(Model, new RetrainRequest
        {
            Data = table.Slice(1400, 1000), TimeBudget = null, MaxTrials = 2, CreatedBy = HostileText.Handler, Reason = HostileText.Quotes + HostileText.RightToLeft,
        });
    }

    // f0..f3 and c0 take hostile names; c0's categories take hostile values.
    private static Table Hostile(Table t)
    {
        var columns = new List<Column>();
        var numeric = 0;
        foreach (var column in t.Columns)
        {
            columns.Add(column switch
            {
                CategoricalColumn c when column.Name != "target" => new CategoricalColumn(HostileText.Script + " category",
                    c.Codes.ToArray(), c.Categories.Select((_, i) => HostileText.Categories[i % HostileText.Categories.Length] + (i < HostileText.Categories.Length ? "" : " " + i)).ToArray()),
                NumericColumn when column.Name != "target" => column.Rename(HostileText.ColumnNames[numeric++]),
                _ => column,
            });
        }

        return new Table(columns);
    }
}
