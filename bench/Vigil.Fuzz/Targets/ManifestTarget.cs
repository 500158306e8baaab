using Vigil.AutoML.Bundles;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The bundle manifest loader: the bytes are <c>manifest.json</c> of a bundle folder that otherwise holds a small valid
/// bundle (featurizer and members, copied from <c>bench/fuzz/fixtures/bundle</c>), loaded by <see cref="ModelBundle.Load"/>.
/// Documented error: <see cref="BundleFormatException"/>.
/// </summary>
internal sealed class ManifestTarget : FuzzTarget
{
    private readonly ScratchFolder _scratch = new("manifest");
    private readonly string _bundle;

    public ManifestTarget()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "bundle");
        if (!Directory.Exists(fixture))
        {
            throw new DirectoryNotFoundException($"The manifest target needs its fixture bundle at {fixture}.");
        }

        _bundle = _scratch.File("bundle");
        Directory.CreateDirectory(_bundle);
        foreach (var file in Directory.GetFiles(fixture))
        {
            if (Path.GetFileName(file) != "manifest.json")
            {
                File.Copy(file, Path.Combine(_bundle, Path.GetFileName(file)));
            }
        }
    }

    public override string Name => "manifest";

    public override string DocumentedErrors => nameof(BundleFormatException);

    protected override void Execute(byte[] data)
    {
        File.WriteAllBytes(Path.Combine(_bundle, "manifest.json"), data);
        _ = ModelBundle.Load(_bundle).InputKinds.Count;
    }

    protected override bool IsDocumented(Exception exception) => exception is BundleFormatException;

    protected override void Dispose(bool disposing)
    {
        _scratch.Dispose();
        base.Dispose(disposing);
    }
}
