using System.Diagnostics;
using System.Globalization;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Replay;
using Vigil.Rendering;
using Vigil.Rendering.Dashboard;
using Vigil.Server.Dashboard;

namespace Vigil.Bench;

/// <summary>
/// Rendering time of the pages: the model report, the replay page and the three dashboard pages of a workspace
/// (e.g. the one <c>vigil demo</c> writes), each rendered to a string many times on one thread after a warm-up.
/// Writes each page to the output folder too, for eyes and diffs. Figures in docs/benchmarks.md.
/// </summary>
internal static class RenderHarness
{
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: render WORKSPACE MODEL REPLAY.json OUTDIR [ITERATIONS]");
            return 2;
        }

        var (workspace, model, replayJson, outDir) = (args[0], args[1], args[2], args[3]);
        var n = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 200;
        Directory.CreateDirectory(outDir);
        using var monitor = VigilMonitor.Open(workspace);
        var report = monitor.Report(model);
        var replay = MonitoringJson.Deserialize<ReplayResult>(File.ReadAllText(replayJson));
        var now = report.GeneratedAt;
        var data = DashboardData.ModelPage(monitor, model);
        var statuses = monitor.Workspace.Registry.ListModels().Select(m => DashboardData.Status(monitor, m)).ToArray();
        var column = report.LatestDrift[0].Name;
        var history = new List<ColumnCheck>();
        foreach (var (record, result) in StoredResults.RecentChecks(monitor.Workspace.Store, model, 40))
        {
            if (result.Drift.Features.Columns.FirstOrDefault(c => !c.IsLabel && c.Name == column) is { } d)
            {
                history.Add(new ColumnCheck(record, result, d));
            }
        }

        var cases = new (string Name, Func<string> Render)[]
        {
            ("report", () => HtmlReport.Render(report)),
            ("replay", () => ReplayHtml.Render(replay)),
            ("dashboard-overview", () => DashboardPages.OverviewAsync(statuses, now).GetAwaiter().GetResult()),
            ("dashboard-model", () => DashboardPages.ModelAsync(data, now).GetAwaiter().GetResult()),
            ("dashboard-column", () => DashboardPages.ColumnAsync(model, column, history, null, now).GetAwaiter().GetResult()),
        };
        foreach (var (name, render) in cases)
        {
            File.WriteAllText(Path.Combine(outDir, name + ".html"), render());
            for (var i = 0; i < 20; i++)
            {
                render();
            }

            var times = new double[n];
            var before = GC.GetTotalAllocatedBytes(true);
            for (var i = 0; i < n; i++)
            {
                var sw = Stopwatch.StartNew();
                render();
                times[i] = sw.Elapsed.TotalMicroseconds;
            }

            var alloc = (GC.GetTotalAllocatedBytes(true) - before) / n;
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20} median {times[n / 2],8:0} µs  p90 {times[n * 9 / 10],8:0} µs  alloc {alloc / 1024.0,8:0} KB  html {render().Length / 1024.0,6:0} KB"));
        }

        return 0;
    }
}
