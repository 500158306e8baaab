namespace Vigil.Fuzz.Targets;

/// <summary>
/// A reader of untrusted bytes under test. The contract every target checks: any byte sequence gives a value or
/// one of the reader's documented, typed errors (with a message a person can read); any other exception is a bug.
/// The same targets run under AFL++ (each input once, in a loop) and in the regression test that replays the corpus.
/// </summary>
public abstract class FuzzTarget : IDisposable
{
    /// <summary>The names <see cref="Create"/> accepts, in the order the CI run and the README use.</summary>
    public static readonly IReadOnlyList<string> Names = ["csv", "json", "zip", "manifest", "parquet"];

    /// <summary>Short name used on the command line and as the corpus folder name.</summary>
    public abstract string Name { get; }

    /// <summary>The errors this reader documents for bad input, as the README lists them.</summary>
    public abstract string DocumentedErrors { get; }

    /// <summary>A new target by name; throws <see cref="ArgumentException"/> for an unknown one.</summary>
    public static FuzzTarget Create(string name) => name switch
    {
        "csv" => new CsvTarget(),
        "json" => new IngestJsonTarget(),
        "zip" => new BundleZipTarget(),
        "manifest" => new ManifestTarget(),
        "parquet" => new ParquetTarget(),
        _ => throw new ArgumentException($"Unknown target '{name}'; targets: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// Feeds <paramref name="data"/> to the reader. Returns null when it gave a value and the documented exception
    /// when it refused the input; any other exception (or a documented one whose message is unusable) propagates.
    /// </summary>
    public Exception? Run(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            Execute(data);
            return null;
        }
        catch (Exception e) when (IsDocumented(e))
        {
            if (string.IsNullOrWhiteSpace(e.Message) || e.Message.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                throw new InvalidOperationException($"{e.GetType().Name} has no one-line message: '{e.Message}'.", e);
            }

            return e;
        }
    }

    /// <summary>Runs the reader the way the product does; throws whatever it throws.</summary>
    protected abstract void Execute(byte[] data);

    /// <summary>True for an error the reader documents for bad input.</summary>
    protected abstract bool IsDocumented(Exception exception);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
