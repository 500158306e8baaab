namespace Vigil.Bench;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Vigil.Bench -- <benchmark> [options]");
        return args.Length == 0 ? 2 : 0;
    }
}
