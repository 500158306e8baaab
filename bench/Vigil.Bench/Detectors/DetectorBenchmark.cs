using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Streams;
using Vigil.Statistics.ChangeDetection;

namespace Vigil.Bench.Detectors;

/// <summary>
/// The online detectors on a time-ordered labelled stream (docs/detectors.md): a champion trained on the first
/// <c>--initial</c> batches scores every later row, as a static model in production; each batch is also checked the
/// batch way (<see cref="VigilMonitor.Check"/>). Reports, per detector and stream, its changes, how many rows after the
/// start of each week the batch check flags (an onset of confident degradation) the detector fired, and its changes in
/// the weeks named calm (<c>--calm A-B</c>: false detections where nothing changes).
/// </summary>
internal static class DetectorBenchmark
{
    private static readonly (StreamKind Stream, string Detector)[] Runs =
    [
        (StreamKind.Error, "ddm"), (StreamKind.Error, "adwin"), (StreamKind.Error, "eddm"), (StreamKind.Error, "kswin"), (StreamKind.Error, "page_hinkley"),
        (StreamKind.Score, "page_hinkley"), (StreamKind.Score, "adwin"), (StreamKind.Score, "kswin"),
    ];

    public static int Run(string[] args)
    {
        string? data = null, label = null, output = null, calm = null;
        int batch = 336, initial = 4, trials = 12, seed = 1;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--data": data = args[i + 1]; break;
                case "--label": label = args[i + 1]; break;
                case "--batch": batch = Int(args[i + 1]); break;
                case "--initial": initial = Int(args[i + 1]); break;
                case "--max-trials": trials = Int(args[i + 1]); break;
                case "--seed": seed = Int(args[i + 1]); break;
                case "--calm": calm = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (data is null || label is null)
        {
            Console.Error.WriteLine("usage: detectors --data FILE.csv --label COLUMN [--batch 336] [--initial 4] [--max-trials 12] [--seed 1] [--calm A-B] [--out FILE.md]");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var table = CsvTableReader.Read(data);
        var folder = Directory.CreateTempSubdirectory("vigil-detectors-").FullName;
        try
        {
            using var monitor = VigilMonitor.Open(folder);
            var trained = monitor.Train("bench", table.Slice(0, initial * batch), new TrainRequest
            {
                Label = label, TimeBudget = null, MaxTrials = trials, Seed = seed, HoldoutIsLatest = true, Reason = "detector benchmark",
            });
            var bundle = ModelTrainer.LoadBundle(trained.Version);
            var weeks = (table.RowCount / batch) - initial;
            var errors = new List<double>();
            var scores = new List<double>();
            var flagged = new bool[weeks];
            for (var w = 0; w < weeks; w++)
            {
                var rows = table.Slice((initial + w) * batch, batch);
                var predictions = bundle.Predict(rows);
                var outcomes = ModelScoring.Outcomes(bundle, rows, predictions, out _)!;
                for (var i = 0; i < outcomes.Rows; i++)
                {
                    errors.Add(outcomes.TrueClasses![i] == outcomes.PredictedClasses![i] ? 0 : 1);
                }

                scores.AddRange(ModelScoring.Scores(predictions));
                flagged[w] = monitor.Check("bench", rows).Result.Performance?.Degraded == true;
            }

            var report = Report(data, batch, initial, trials, seed, weeks, flagged, errors, scores, Calm(calm, initial), watch.Elapsed);
            Console.Write(report);
            if (output is not null)
            {
                File.WriteAllText(output, report);
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Report(string data, int batch, int initial, int trials, int seed, int weeks, bool[] flagged,
        List<double> errors, List<double> scores, (int From, int To)? calm, TimeSpan elapsed)
    {
        var onsets = Enumerable.Range(0, weeks).Where(w => flagged[w] && (w == 0 || !flagged[w - 1])).ToArray();
        var text = new StringBuilder();
        text.AppendLine(F("# Online detectors on {0}", Path.GetFileName(data)));
        text.AppendLine();
        text.AppendLine(F("{0} weeks of {1} rows after {2} training weeks; static champion ({3} AutoML trials, seed {4}); error rate {5:P1}.",
            weeks, batch, initial, trials, seed, errors.Average()));
        text.AppendLine(F("Batch checks flag confident degradation in {0} weeks, {1} onsets (a flagged week after an unflagged one): weeks {2}.",
            flagged.Count(f => f), onsets.Length, string.Join(", ", onsets.Select(w => w + initial))));
        if (calm is { } c)
        {
            text.AppendLine(F("Calm weeks {0}–{1} ({2} rows): no change happens there, so every change a detector reports there is false.", c.From, c.To, (c.To - c.From + 1) * batch));
        }

        text.AppendLine();
        text.AppendLine("| stream | detector | changes | per 10k rows | onsets caught within their week | median delay (rows after the week starts) | changes in unflagged weeks | changes in calm weeks |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (stream, name) in Runs)
        {
            var values = stream == StreamKind.Error ? errors : scores;
            var changes = Changes(new DetectorSettings().Create(name), values);
            var delays = onsets.Select(w => changes.Where(i => i >= w * batch).Select(i => i - (w * batch)).DefaultIfEmpty(-1).Min()).ToArray();
            var caught = delays.Count(d => d >= 0 && d < batch);
            var found = delays.Where(d => d >= 0).Order().ToArray();
            var median = found.Length == 0 ? "–" : found[found.Length / 2].ToString(CultureInfo.InvariantCulture);
            var unflagged = changes.Count(i => !flagged[i / batch]);
            var inCalm = calm is { } k ? changes.Count(i => i / batch + initial >= k.From && i / batch + initial <= k.To).ToString(CultureInfo.InvariantCulture) : "–";
            text.AppendLine(F("| {0} | {1} | {2} | {3:F1} | {4} of {5} | {6} | {7} | {8} |", stream.ToString().ToLowerInvariant(), name, changes.Count,
                changes.Count * 10_000.0 / values.Count, caught, onsets.Length, median, unflagged, inCalm));
        }

        text.AppendLine();
        text.AppendLine(F("Wall time {0:F0} s (training, scoring, {1} batch checks, detectors).", elapsed.TotalSeconds, weeks));
        return text.ToString();
    }

    private static List<int> Changes(ChangeDetector detector, List<double> values)
    {
        var changes = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            detector.Update(values[i]);
            if (detector.DriftDetected)
            {
                changes.Add(i);
            }
        }

        return changes;
    }

    private static (int, int)? Calm(string? text, int initial)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('-');
        return (Math.Max(initial, Int(parts[0])), Int(parts[1]));
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
