namespace Vigil.LoadGen;

/// <summary>
/// Load generator for <c>vigil serve</c> (see docs/server.md):
/// <c>setup</c> trains a 20-feature model into a workspace (before the server starts);
/// <c>ingest</c> posts batches of rows as fast as the server takes them;
/// <c>predict</c> sends single-row /predict requests at a fixed rate and reports latency percentiles;
/// <c>shadow-lag</c> follows how far a shadow falls behind the log while ingestion runs.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Vigil.LoadGen setup|ingest|predict [--option value ...] (see docs/server.md)");
            return 2;
        }

        var options = Options.Parse(args[1..]);
        return args[0] switch
        {
            "setup" => Setup.Run(options),
            "ingest" => await IngestLoad.RunAsync(options),
            "predict" => await PredictLoad.RunAsync(options),
            "store" => StoreLoad.Run(options),
            "shadow-lag" => await ShadowLag.RunAsync(options),
            _ => Usage(args[0]),
        };
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"unknown command '{command}'; expected setup, ingest, predict, store or shadow-lag.");
        return 2;
    }
}
