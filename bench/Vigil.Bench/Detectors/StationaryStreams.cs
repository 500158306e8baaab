using System.Globalization;
using System.Text;
using Vigil.Monitoring.Streams;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Bench.Detectors;

/// <summary>
/// False detections of each detector, with its default settings, on long stationary streams: error bits at fixed rates
/// and continuous scores (uniform on [0, 1], the spread of a classifier's probabilities). Nothing changes, so every
/// change reported is false.
/// </summary>
internal static class StationaryStreams
{
    public static int Run(string[] args)
    {
        var length = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"False changes per 100,000 values on stationary streams of {length:N0} values (seed 1)."));
        text.AppendLine();
        text.AppendLine("| detector | bits, error rate 0.05 | bits, 0.2 | bits, 0.4 | uniform scores |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var name in DetectorSettings.Names)
        {
            var cells = new List<string>();
            foreach (var rate in new double?[] { 0.05, 0.2, 0.4, null })
            {
                if (rate is null && DetectorSettings.IsBinary(name))
                {
                    cells.Add("– (bits only)");
                    continue;
                }

                var random = new Random(1);
                var detector = new DetectorSettings().Create(name);
                var changes = 0;
                for (var i = 0; i < length; i++)
                {
                    detector.Update(rate is { } p ? (random.NextDouble() < p ? 1 : 0) : random.NextDouble());
                    changes += detector.DriftDetected ? 1 : 0;
                }

                cells.Add((changes * 100_000.0 / length).ToString("F2", CultureInfo.InvariantCulture));
            }

            text.AppendLine($"| {name} | {string.Join(" | ", cells)} |");
        }

        Console.Write(text);
        return 0;
    }
}
