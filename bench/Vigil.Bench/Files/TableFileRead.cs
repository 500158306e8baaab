using System.Diagnostics;
using System.Globalization;
using Vigil.Data.Files;
using Vigil.Data.Tables;

namespace Vigil.Bench.Files;

/// <summary>
/// Reading the same table from Parquet and from CSV through <see cref="TableFile.Read"/>.
/// <c>table-read prepare DIR [ROWS]</c> writes DIR/data.csv and DIR/data.parquet (ROWS × 12: 8 numeric, 3 categorical
/// with 5 to 1,000 levels, 1 UTC timestamp; 1 % missing); <c>table-read FILE [--repeat N]</c> reads FILE N times in this
/// process and prints seconds, rows per second and the process's peak resident memory (VmHWM: run one file per process
/// so the figures do not mix). Wall time on a shared machine swings with its load; the process's CPU time does less.
/// </summary>
internal static class TableFileRead
{
    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "prepare")
        {
            var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
            Directory.CreateDirectory(args[1]);
            var table = Build(rows);
            TableFile.Write(table, Path.Combine(args[1], "data.csv"));
            TableFile.Write(table, Path.Combine(args[1], "data.parquet"));
            foreach (var name in new[] { "data.csv", "data.parquet" })
            {
                var length = new FileInfo(Path.Combine(args[1], name)).Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rows:N0} rows, {length / 1048576.0:F1} MiB"));
            }

            return 0;
        }

        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: table-read prepare DIR [ROWS] | table-read FILE [--repeat N]");
            return 2;
        }

        var at = Array.IndexOf(args, "--repeat");
        var repeat = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 3;
        var size = new FileInfo(args[0]).Length;
        for (var r = 0; r < repeat; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var table = TableFile.Read(args[0]);
            watch.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(args[0])} ({size / 1048576.0:F1} MiB): {table.RowCount:N0} rows × {table.Columns.Count} in {watch.Elapsed.TotalSeconds:F2} s wall = {table.RowCount / watch.Elapsed.TotalSeconds:N0} rows/s; {cpuSeconds:F2} s CPU = {table.RowCount / cpuSeconds:N0} rows per CPU-second; peak RSS {PeakMiB():F0} MiB"));
            table = null;
            GC.Collect();
        }

        return 0;
    }

    private static Table Build(int rows)
    {
        var random = new Random(16);
        var columns = new List<Column>();
        for (var c = 0; c < 8; c++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = random.NextDouble() < 0.01 ? double.NaN : Math.Round((random.NextDouble() * 100) - 50, c % 2 == 0 ? 3 : 6);
            }

            columns.Add(new NumericColumn("x" + c.ToString(CultureInfo.InvariantCulture), values));
        }

        foreach (var (name, levels) in new[] { ("region", 5), ("shop", 120), ("sku", 1000) })
        {
            var names = Enumerable.Range(0, levels).Select(l => name + "-" + l.ToString(CultureInfo.InvariantCulture)).ToArray();
            columns.Add(CategoricalColumn.FromValues(name, Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.01 ? null : names[random.Next(levels)]).ToArray()));
        }

        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        columns.Add(new DateTimeColumn("at", Enumerable.Range(0, rows).Select(i => (DateTime?)t0.AddSeconds(i * 7)).ToArray()));
        return new Table(columns);
    }

    private static double PeakMiB()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
