using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The bundle manifest loader: the bytes are <c>manifest.json</c> of a bundle folder that otherwise holds a small valid
/// bundle (featurizer and members, copied from <c>bench/fuzz/fixtures/bundle</c>), loaded by <see cref="ModelBundle.Load"/>.
/// A bundle that loads must also score a few rows (fixtures/probe.csv): a manifest the loader accepts has to be usable.
/// Documented error: <see cref="BundleFormatException"/>.
/// </summary>
internal sealed class ManifestTarget : FuzzTarget
{
    private readonly ScratchFolder _scratch = new("manifest");
    private readonly string _bundle;
    private readonly Table _probe;

    public ManifestTarget()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "bundle");
        if (!Directory.Exists(fixture))
        {
            throw new DirectoryNotFoundException($"The manifest target needs its fixture bundle at {fixture}.");
        }

        _probe = CsvTableReader.Read(Path.Combine(AppContext.BaseDirectory, "fixtures", "probe.csv"));
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
        var bundle = ModelBundle.Load(_bundle);
        _ = bundle.PredictedLabels(bundle.Predict(_probe));
    }

    protected override bool IsDocumented(Exception exception) => exception is BundleFormatException;

    protected override void Dispose(bool disposing)
    {
        _scratch.Dispose();
        base.Dispose(disposing);
    }
}
