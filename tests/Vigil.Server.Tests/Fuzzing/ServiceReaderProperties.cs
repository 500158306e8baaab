using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Fuzz.Targets;
using Vigil.TestSupport.Fuzzing;

namespace Vigil.Server.Tests.Fuzzing;

/// <summary>
/// The service's readers of request bodies — the ingestion JSON (predictions, /predict, labels) and the bundle zip
/// upload — on arbitrary and on damaged valid bodies: each gives a value or an error the service answers with 4xx,
/// never a 500. The readers run exactly as the fuzzing targets run them (bench/Vigil.Fuzz).
/// </summary>
public sealed class ServiceReaderProperties : IDisposable
{
    private readonly FuzzTarget _json = FuzzTarget.Create("json");
    private readonly FuzzTarget _zip = FuzzTarget.Create("zip");

    [Property(MaxTest = 500)]
    public Property ArbitraryBytesAsAnIngestionBody() => Prop.ForAll(ByteMutations.AnyBytes(), b => { _json.Run(b); });

    [Property(MaxTest = 1000)]
    public Property DamagedIngestionBodies() => Prop.ForAll(Mutated("json"), b => { _json.Run(b); });

    [Property(MaxTest = 200)]
    public Property ArbitraryBytesAsABundleUpload() => Prop.ForAll(ByteMutations.AnyBytes(), b => { _zip.Run(b); });

    private static Arbitrary<byte[]> Mutated(string target) =>
        ByteMutations.Mutated(FuzzCorpus.Seeds(target).Select(File.ReadAllBytes).ToArray());

    public void Dispose()
    {
        _json.Dispose();
        _zip.Dispose();
    }
}
