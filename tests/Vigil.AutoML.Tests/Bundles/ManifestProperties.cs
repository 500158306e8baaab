using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.AutoML.Bundles;
using Vigil.TestSupport.Fuzzing;

namespace Vigil.AutoML.Tests.Bundles;

/// <summary>
/// Any bytes as manifest.json of an otherwise valid bundle give a bundle or a <see cref="BundleFormatException"/>,
/// never another exception. The bundle beside the manifest is the fuzzing harness's (bench/fuzz/fixtures/bundle:
/// two LightGBM members), the seeds are its manifest corpus (bench/fuzz/corpus/manifest).
/// </summary>
public sealed class ManifestProperties : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private static readonly byte[][] Seeds = Directory.GetFiles(Path.Combine(Fixtures, "fuzz-manifests")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

    private readonly string _bundle = Path.Combine(Path.GetTempPath(), "vigil-manifest-props-" + Guid.NewGuid().ToString("N"));

    public ManifestProperties()
    {
        Directory.CreateDirectory(_bundle);
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "fuzz-bundle")))
        {
            File.Copy(file, Path.Combine(_bundle, Path.GetFileName(file)));
        }
    }

    [Property(MaxTest = 300)]
    public Property ArbitraryBytesGiveABundleOrABundleFormatException() =>
        Prop.ForAll(ByteMutations.AnyBytes(), LoadsOrRefuses);

    [Property(MaxTest = 600)]
    public Property DamagedManifestsGiveABundleOrABundleFormatException() =>
        Prop.ForAll(ByteMutations.Mutated(Seeds), LoadsOrRefuses);

    [Fact]
    public void TheSeedsLoadOrNameWhatIsMissing()
    {
        Assert.NotEmpty(Seeds);
        var loaded = 0;
        foreach (var seed in Seeds)
        {
            File.WriteAllBytes(Path.Combine(_bundle, "manifest.json"), seed);
            try
            {
                loaded += ModelBundle.Load(_bundle).Manifest.Members.Count > 0 ? 1 : 0;
            }
            catch (BundleFormatException e)
            {
                // The version-1 seed names model.zip, which this LightGBM bundle does not have.
                Assert.Contains("model.zip", e.Message, StringComparison.Ordinal);
            }
        }

        Assert.True(loaded >= 2, $"{loaded} of {Seeds.Length} seeds loaded");
    }

    private void LoadsOrRefuses(byte[] manifest)
    {
        File.WriteAllBytes(Path.Combine(_bundle, "manifest.json"), manifest);
        try
        {
            ModelBundle.Load(_bundle);
        }
        catch (BundleFormatException e)
        {
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    public void Dispose() => Directory.Delete(_bundle, recursive: true);
}
