using System.Globalization;
using Spectre.Console;
using Vigil.Replay;

namespace Vigil.Cli.Commands.Replay;

/// <summary>The replay's figures as a terminal table, one row per strategy.</summary>
internal static class ReplayView
{
    public static void Render(IAnsiConsole console, ReplayResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("strategy")
            .AddColumn(new TableColumn("mean accuracy").RightAligned()).AddColumn(new TableColumn("mean ROC AUC").RightAligned())
            .AddColumn(new TableColumn("worst batch acc.").RightAligned()).AddColumn(new TableColumn("retrains").RightAligned())
            .AddColumn(new TableColumn("promotions").RightAligned()).AddColumn(new TableColumn("training time").RightAligned());
        foreach (var s in result.Strategies)
        {
            table.AddRow(Markup.Escape(s.Strategy), F(s.MeanAccuracy, "0.0000"), s.MeanRocAuc is { } auc ? F(auc, "0.0000") : "-",
                F(s.WorstAccuracy, "0.000") + string.Create(inv, $" (#{s.WorstBatch})"), s.Retrains.ToString(inv), s.Promotions.ToString(inv),
                F(s.TrainingSeconds, "0.0") + " s");
        }

        console.MarkupLine(string.Create(inv,
            $"{result.ReplayedBatches} batches of {result.BatchSize} rows replayed after {result.InitialBatches} initial batches (first model: {Markup.Escape(result.InitialLearner)}, {result.InitialTrainingSeconds:0.0} s); wall time {result.WallSeconds:0} s."));
        console.Write(table);
    }

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
