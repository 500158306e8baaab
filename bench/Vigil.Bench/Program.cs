namespace Vigil.Bench;

/// <summary>
/// Benchmarks and harnesses. Run with <c>dotnet run -c Release --project bench/Vigil.Bench -- NAME [options]</c>.
/// See docs/benchmarks.md for what each measures and the figures.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Vigil.Bench -- <drift|micro|render|automl> [options]");
            Console.Error.WriteLine("  drift DIR [ROWS] [COLS]   drift over the raw column files written by bench/drift/scipy_drift.py");
            Console.Error.WriteLine("  micro [BenchmarkDotNet args]   BenchmarkDotNet micro-benchmarks");
            Console.Error.WriteLine("  render WORKSPACE MODEL REPLAY.json OUTDIR [N]   rendering time of the report, replay and dashboard pages");
            Console.Error.WriteLine("  bundle-predict [learner] [trees] [leaves]   scoring time through a model bundle (one row per call, one batch)");
            Console.Error.WriteLine("  automl [--shared DIR] [--datasets a,b] [--budgets 10,30] [--seeds 1,2,3] [--out FILE.md]   Vigil AutoML vs FLAML's reference scores");
            Console.Error.WriteLine("         [--data DIR --reference FILE]   other datasets and reference scores (bench/automl/extra_datasets.py writes both)");
            Console.Error.WriteLine("  automl-timing [--repeat N]   wall clock of budgeted searches: budget kept, refit estimate does not end the search early");
            Console.Error.WriteLine("  onnx-predict [SHARED_DIR] [ROWS]   scoring through the shared elec ONNX model: one row per call, and ROWS in one call beside a bundle");
            Console.Error.WriteLine("  multivariate [ROWS] [REPEAT]   domain classifier + PCA reconstruction on a 20-feature window, and the whole check with and without them");
            Console.Error.WriteLine("  store-throughput [ROWS] [BATCH] [--repeat N]   prediction-log inserts per second, 20 features per row");
            Console.Error.WriteLine("  table-read prepare DIR [ROWS] | table-read FILE [--repeat N]   reading the same table from Parquet and CSV (rows/s, peak memory)");
            Console.Error.WriteLine("  detectors --data FILE --label COL [--calm A-B] [--out FILE.md]   online detectors vs weekly batch checks on a labelled stream");
            Console.Error.WriteLine("  detectors-stationary [LENGTH]   false changes of each detector on long stationary streams");
            Console.Error.WriteLine("  estimation [--shared DIR] [--datasets elec,bank] [--trials 8] [--seeds 2] [--holdout latest] [--oracle-draws 100] [--out FILE.md]   CBPE accuracy under covariate shift, concept change, timing");
            Console.Error.WriteLine("  unlabelled [ROWS] [REPEAT]   CBPE + DLE + domain classifier + PCA on a ROWS-row, 20-feature window, and a whole unlabelled check (#17)");
            Console.Error.WriteLine("  predict-alloc [vigil|onnx|both] [--requests N] [--warmup N] [--types]   managed bytes the service allocates per one-row /predict (in-process server, loopback)");
            Console.Error.WriteLine("  labelled-check [ROWS] [--features F] [--bootstrap-rows N] [--repeat R]   a check with labels vs without (#17)");
            return 2;
        }

        return args[0] switch
        {
            "drift" => DriftHarness.Run(args[1..]),
            "render" => RenderHarness.Run(args[1..]),
            "micro" => MicroBenchmarks.Run(args[1..]),
            "automl" => AutoML.AutoMLBenchmark.Run(args[1..]),
            "automl-timing" => AutoML.AutoMLTiming.Run(args[1..]),
            "store-throughput" => Store.StoreThroughput.Run(args[1..]),
            "estimation" => Estimation.EstimationBenchmark.Run(args[1..]),
            "table-read" => Files.TableFileRead.Run(args[1..]),
            "multivariate" => MultivariateTiming.Run(args[1..]),
            "unlabelled" => Estimation.UnlabelledTiming.Run(args[1..]),
            "labelled-check" => Performance.LabelledCheckHarness.Run(args[1..]),
            "bundle-predict" => AutoML.BundlePredictLatency.Run(args[1..]),
            "detectors" => Detectors.DetectorBenchmark.Run(args[1..]),
            "detectors-stationary" => Detectors.StationaryStreams.Run(args[1..]),
            "predict-alloc" => Server.PredictAllocations.Run(args[1..]),
            "onnx-predict" => Models.OnnxPredictLatency.Run(args[1..]),
            "automl-run" when args.Length == 5 => AutoML.AutoMLRun.Run(
                args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture)),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string name)
    {
        Console.Error.WriteLine($"unknown benchmark '{name}'");
        return 2;
    }
}
