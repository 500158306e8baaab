using System.Globalization;
using System.Text;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Bench.Estimation;

/// <summary>
/// How accurate CBPE is on real data under covariate shift (docs/estimation.md): a model is trained on a dataset's
/// train.csv (its estimator fitted on the training holdout), and windows of 2,000 test rows are drawn with weights
/// exp(β·z) of one standardised numeric feature, β from −1.5 to 1.5, for every numeric feature. Per window: the
/// estimated accuracy and ROC AUC against the realised ones, next to "assume the baseline" (the holdout value). Then a
/// concept change (labels flipped where one feature is high) and what a check says without and with the labels.
/// </summary>
internal static class EstimationBenchmark
{
    private static readonly double[] Betas = [-1.5, -1.0, -0.5, 0, 0.5, 1.0, 1.5];

    private const int WindowRows = 2000;

    public static int Run(string[] args)
    {
        var shared = Arg(args, "--shared") ?? FindShared();
        var names = (Arg(args, "--datasets") ?? "elec,bank").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var trials = int.Parse(Arg(args, "--trials") ?? "8", CultureInfo.InvariantCulture);
        var seeds = int.Parse(Arg(args, "--seeds") ?? "2", CultureInfo.InvariantCulture);
        // --holdout latest: the estimator's holdout is the newest training rows (time-ordered data), not a stratified sample.
        var latest = Arg(args, "--holdout") == "latest";
        // --oracle-draws: Monte Carlo draws per window design for the expected metric (the attainable floor).
        var draws = int.Parse(Arg(args, "--oracle-draws") ?? "100", CultureInfo.InvariantCulture);
        var output = new StringBuilder();
        foreach (var name in names)
        {
            var folder = Path.Combine(shared, "datasets", name);
            if (!File.Exists(Path.Combine(folder, "train.csv")))
            {
                Console.Error.WriteLine($"skipping {name}: {folder} has no train.csv (pass --shared DIR)");
                continue;
            }

            output.Append(Dataset(name, folder, trials, seeds, latest, draws));
        }

        output.Append(EstimationTiming.Run());
        Console.WriteLine(output);
        if (Arg(args, "--out") is { } path)
        {
            File.WriteAllText(path, output.ToString());
        }

        return 0;
    }

    private static string Dataset(string name, string folder, int trials, int seeds, bool latest, int draws)
    {
        var label = Label(folder);
        var train = CsvTableReader.Read(Path.Combine(folder, "train.csv"));
        var test = CsvTableReader.Read(Path.Combine(folder, "test.csv"));
        var workspace = Directory.CreateTempSubdirectory("vigil-estimation-bench-").FullName;
        try
        {
            using var monitor = VigilMonitor.Open(workspace);
            var trained = monitor.Train(name, train, new TrainRequest
            {
                Label = label, TimeBudget = null, MaxTrials = trials, Seed = 1, Learners = ["lgbm"], CreatedBy = "bench", Reason = "estimation benchmark",
                HoldoutIsLatest = latest,
            });
            var estimator = trained.Estimator ?? throw new InvalidOperationException($"{name}: no estimator was fitted");
            var bundle = ModelBundle.Load(trained.Version.BundleFolder);
            var predictions = bundle.Predict(test);
            var outcomes = ModelScoring.Outcomes(bundle, test, predictions, out _)!;
            var scores = ScoredRows.From(outcomes)!;
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"\n### {name}: {train.RowCount:N0} training rows, {test.RowCount:N0} test rows, learner {trained.Search.BestLearner}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Calibration: {CalibratorSelection.Describe(estimator.Cbpe!.Calibrators[0])}; holdout accuracy {estimator.Cbpe.Reference["accuracy"]:0.0000}, ROC AUC {estimator.Cbpe.Reference["roc_auc"]:0.0000}.\n\n");
            var everyRow = Enumerable.Range(0, test.RowCount).ToArray();
            var oracle = new DesignOracle([.. outcomes.TrueClasses!], [.. scores.PredictedClasses!], [.. scores.Probabilities!], draws);
            var summary = new List<SetupSummary>();
            var holdout = latest ? "training holdout (newest rows)" : "training holdout";
            text.Append(ShiftTable(test, label, estimator, scores, outcomes, seeds, everyRow, oracle, holdout, summary));
            text.Append(ProductionReference(monitor, name, test, label, scores, outcomes, seeds, oracle, summary));
            text.Append(SetupSummary.Table(name, oracle.Draws, summary));
            text.Append(ConceptChange(monitor, name, test, label));
            return text.ToString();
        }
        finally
        {
            try
            {
                Directory.Delete(workspace, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// The same shifts with the estimator fitted the way a team monitoring a model in production would refit it: on a
    /// labelled reference period of production data (here 3,000 test rows drawn without shift), windows drawn from the
    /// other test rows. This separates what covariate shift does from a difference between the training holdout and
    /// the test period that no label-free method can see (the β = 0 bias of the first table).
    /// </summary>
    private static string ProductionReference(VigilMonitor monitor, string model, Table test, string label, ScoredRows scores, PredictionSet outcomes, int seeds,
        DesignOracle oracle, List<SetupSummary> summary)
    {
        const int ReferenceRows = 3000;
        var shuffled = Enumerable.Range(0, test.RowCount).ToArray();
        new Random(20261206).Shuffle(shuffled);
        var reference = shuffled[..ReferenceRows].Order().ToArray();
        var pool = shuffled[ReferenceRows..].Order().ToArray();
        // Fitted the way a team refits it (`vigil models estimator --data`): the version scores the labelled rows and
        // the refit is stored in the workspace; reset afterwards so the concept-change check uses the bundle's again.
        var refit = monitor.RefitEstimator(model, null, test.Take(reference), "the production reference", "bench");
        monitor.ResetEstimator(model);
        var estimator = refit.Estimator ?? throw new InvalidOperationException("no estimator on the production reference: " + refit.Why);
        return string.Create(CultureInfo.InvariantCulture,
                $"\n**Estimator refitted on a labelled production reference** ({ReferenceRows:N0} test rows drawn without shift; windows of 2,000 from the other {pool.Length:N0}; baseline = the reference's realised value). ") +
            string.Create(CultureInfo.InvariantCulture,
                $"Calibration: {CalibratorSelection.Describe(estimator.Cbpe!.Calibrators[0])}; reference accuracy {estimator.Cbpe.Reference["accuracy"]:0.0000}, ROC AUC {estimator.Cbpe.Reference["roc_auc"]:0.0000}.\n\n") +
            ShiftTable(test, label, estimator, scores, outcomes, seeds, pool, oracle, "production reference", summary);
    }

    private static string ShiftTable(
        Table test, string label, PerformanceEstimator estimator, ScoredRows scores, PredictionSet outcomes, int seeds, int[] pool,
        DesignOracle oracle, string setup, List<SetupSummary> summary)
    {
        var features = test.Columns.Where(c => c is NumericColumn && c.Name != label).Cast<NumericColumn>().ToArray();
        var rows = new List<(string Feature, double Beta, double RealAcc, double EstAcc, double RealAuc, double EstAuc, bool CoveredAcc, bool CoveredAuc, double OracleAcc, double OracleAuc)>();
        var options = new EstimationOptions();
        var rule = new DegradationRule(WatchedMetrics.Parse("accuracy"), level: 0.95);
        foreach (var feature in features)
        {
            var zAll = Standardised(feature);
            var z = pool.Select(i => zAll[i]).ToArray();
            foreach (var beta in Betas)
            {
                var expected = oracle.Expected(pool, z, beta, WindowRows, (Array.IndexOf(features, feature) * 1009) + (int)Math.Round(beta * 100) + 500);
                for (var seed = 0; seed < seeds; seed++)
                {
                    var window = WeightedSample(z, beta, WindowRows, (seed * 7919) + (int)(beta * 100) + feature.Name.Length).Select(k => pool[k]).ToArray();
                    var (windowScores, windowOutcomes) = Subset(scores, outcomes, window);
                    var estimate = estimator.Estimate(test.Take(window), windowScores, options, rule, windowOutcomes);
                    var accuracy = estimate.Metrics.Single(m => m.Name == "accuracy");
                    var auc = estimate.Metrics.Single(m => m.Name == "roc_auc");
                    rows.Add((feature.Name, beta, accuracy.Realised!.Value, accuracy.Value!.Value, auc.Realised!.Value, auc.Value!.Value,
                        accuracy.Lower <= accuracy.Realised && accuracy.Realised <= accuracy.Upper, auc.Lower <= auc.Realised && auc.Realised <= auc.Upper,
                        expected.Accuracy, expected.RocAuc));
                }
            }
        }

        var baseAcc = estimator.Cbpe!.Reference["accuracy"];
        var baseAuc = estimator.Cbpe.Reference["roc_auc"];
        var text = new StringBuilder();
        text.Append("| feature | windows | realised accuracy (min–max) | MAE estimated accuracy | MAE assume baseline | MAE oracle | realised AUC (min–max) | MAE estimated AUC | MAE assume baseline | MAE oracle |\n");
        text.Append("|---|---:|---|---:|---:|---:|---|---:|---:|---:|\n");
        var groups = rows.GroupBy(r => r.Feature)
            .Append(rows.GroupBy(_ => "**all**").Single())
            .Append(rows.Where(r => Math.Abs(r.Beta) >= 1).GroupBy(_ => "**all, \\|β\\| ≥ 1**").Single());
        foreach (var group in groups)
        {
            var g = group.ToArray();
            text.Append(CultureInfo.InvariantCulture,
                $"| {group.Key} | {g.Length} | {g.Min(r => r.RealAcc):0.000}–{g.Max(r => r.RealAcc):0.000} | {g.Average(r => Math.Abs(r.EstAcc - r.RealAcc)):0.0000} | {g.Average(r => Math.Abs(baseAcc - r.RealAcc)):0.0000} | {g.Average(r => Math.Abs(r.OracleAcc - r.RealAcc)):0.0000} | {g.Min(r => r.RealAuc):0.000}–{g.Max(r => r.RealAuc):0.000} | {g.Average(r => Math.Abs(r.EstAuc - r.RealAuc)):0.0000} | {g.Average(r => Math.Abs(baseAuc - r.RealAuc)):0.0000} | {g.Average(r => Math.Abs(r.OracleAuc - r.RealAuc)):0.0000} |\n");
        }

        foreach (var strong in new[] { false, true })
        {
            var g = rows.Where(r => !strong || Math.Abs(r.Beta) >= 1).ToArray();
            summary.Add(new SetupSummary(setup, strong, g.Length,
                new SetupErrors(g.Average(r => Math.Abs(r.EstAcc - r.RealAcc)), g.Average(r => Math.Abs(baseAcc - r.RealAcc)), g.Average(r => Math.Abs(r.OracleAcc - r.RealAcc)), g.Average(r => Math.Abs(r.EstAcc - r.OracleAcc))),
                new SetupErrors(g.Average(r => Math.Abs(r.EstAuc - r.RealAuc)), g.Average(r => Math.Abs(baseAuc - r.RealAuc)), g.Average(r => Math.Abs(r.OracleAuc - r.RealAuc)), g.Average(r => Math.Abs(r.EstAuc - r.OracleAuc)))));
        }

        var unshifted = rows.Where(r => r.Beta == 0).ToArray();
        text.Append(CultureInfo.InvariantCulture,
            $"\nMean signed error (estimated − realised) over the unshifted windows (β = 0): accuracy {unshifted.Average(r => r.EstAcc - r.RealAcc):+0.0000;-0.0000}, ROC AUC {unshifted.Average(r => r.EstAuc - r.RealAuc):+0.0000;-0.0000}; over all windows: accuracy {rows.Average(r => r.EstAcc - r.RealAcc):+0.0000;-0.0000}, ROC AUC {rows.Average(r => r.EstAuc - r.RealAuc):+0.0000;-0.0000}.\n");
        text.Append(CultureInfo.InvariantCulture,
            $"The 95 % band held the realised accuracy in {rows.Count(r => r.CoveredAcc)} of {rows.Count} windows and the realised AUC in {rows.Count(r => r.CoveredAuc)}. Largest error: accuracy {rows.Max(r => Math.Abs(r.EstAcc - r.RealAcc)):0.000}, AUC {rows.Max(r => Math.Abs(r.EstAuc - r.RealAuc)):0.000}.\n");
        return text.ToString();
    }

    // Labels flipped where the first numeric feature is in its top third: the scores do not change, the truth does.
    private static string ConceptChange(VigilMonitor monitor, string model, Table test, string label)
    {
        var feature = test.Columns.OfType<NumericColumn>().First(c => c.Name != label);
        var sorted = feature.NonMissing();
        Array.Sort(sorted);
        var cut = Vigil.Statistics.Descriptive.Quantile.Linear(sorted, 2.0 / 3);
        var window = WeightedSample(Standardised(feature), 0, 2000, 4242);
        var rows = test.Take(window);
        var region = (NumericColumn)rows[feature.Name];
        var changed = rows.WithoutColumns(label).WithColumn(Flipped(rows[label], i => region[i] > cut));
        var unlabelled = monitor.Check(model, changed.WithoutColumns(label));
        var labelled = monitor.Check(model, changed);
        var estimatedAccuracy = unlabelled.Result.EstimatedPerformance!.Metrics.Single(m => m.Name == "accuracy");
        var realised = labelled.Result.Performance!.Metrics.Single(m => m.Name == "accuracy");
        return string.Create(CultureInfo.InvariantCulture,
            $"\nConcept change (labels flipped where {feature.Name} > {cut:0.###}, a third of the rows; features unchanged): estimated accuracy {estimatedAccuracy.Value:0.000} [{estimatedAccuracy.Lower:0.000}, {estimatedAccuracy.Upper:0.000}], realised {realised.Value:0.000}.\n" +
            $"Without labels Vigil says **{unlabelled.Result.Status.ToString().ToLowerInvariant()}**: {Describe(unlabelled)}\n" +
            $"With the labels it says **{labelled.Result.Status.ToString().ToLowerInvariant()}**: {Describe(labelled)}\n");
    }

    // The other of the two classes where flip(row) holds, keeping the column's type (0/1 numbers or text).
    private static Column Flipped(Column label, Func<int, bool> flip)
    {
        if (label is NumericColumn numbers)
        {
            var classes = numbers.NonMissing().Distinct().Order().ToArray();
            return new NumericColumn(label.Name, Enumerable.Range(0, label.Length)
                .Select(i => flip(i) && classes.Length == 2 ? (numbers[i] == classes[0] ? classes[1] : classes[0]) : numbers[i]).ToArray());
        }

        var text = Enumerable.Range(0, label.Length).Select(label.FormatCell).ToArray();
        var distinct = text.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return CategoricalColumn.FromValues(label.Name, text.Select((v, i) => flip(i) && distinct.Length == 2 && v is not null ? (v == distinct[0] ? distinct[1] : distinct[0]) : v).ToArray());
    }

    private static string Describe(CheckOutcome outcome) =>
        outcome.Result.Reasons.Count == 0 ? "no reason (" + outcome.Decision.Summary + ")." : string.Join("; ", outcome.Result.Reasons) + ".";

    private static (ScoredRows Scores, PredictionSet Outcomes) Subset(ScoredRows scores, PredictionSet outcomes, int[] rows)
    {
        var p = rows.Select(i => scores.Probabilities![i]).ToArray();
        var predicted = rows.Select(i => scores.PredictedClasses![i]).ToArray();
        var y = rows.Select(i => outcomes.TrueClasses![i]).ToArray();
        return (ScoredRows.Binary(p, predicted), PredictionSet.Binary(y, predicted, p));
    }

    private static double[] Standardised(NumericColumn column)
    {
        var values = column.NonMissing();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
        return Enumerable.Range(0, column.Length).Select(i => double.IsNaN(column[i]) || sd == 0 ? 0 : (column[i] - mean) / sd).ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> distinct rows drawn with probability proportional to exp(β·z) (Efraimidis–Spirakis:
    /// the rows with the largest u^(1/w)).
    /// </summary>
    internal static int[] WeightedSample(double[] z, double beta, int count, int seed)
    {
        var random = new Random(seed);
        var keys = new double[z.Length];
        var order = new int[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            order[i] = i;
            // log(u) / w, compared in log space so large weights do not overflow.
            keys[i] = -(Math.Log(1 - random.NextDouble()) / Math.Exp(beta * Math.Clamp(z[i], -6, 6)));
        }

        Array.Sort(keys, order);
        var take = Math.Min(count, z.Length);
        var chosen = order[..take];
        Array.Sort(chosen);
        return chosen;
    }

    private static string Label(string folder)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "meta.json")));
        return doc.RootElement.GetProperty("label").GetString()!;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.Parent?.FullName ?? ".", "shared");
    }
}
