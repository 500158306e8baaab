using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>A workspace in a fresh temporary folder, deleted afterwards, with a clock the test moves by hand.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, "ws");
        Workspace = VigilWorkspace.Open(Folder, Clock);
    }

    public string Root { get; }

    public string Folder { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public VigilWorkspace Workspace { get; private set; }

    /// <summary>Closes and opens the workspace again, as a new process would.</summary>
    public VigilWorkspace Reopen()
    {
        Workspace.Dispose();
        Workspace = VigilWorkspace.Open(Folder, Clock);
        return Workspace;
    }

    /// <summary>A bundle source folder with a couple of files (one nested).</summary>
    public string MakeBundle(string content = "model-bytes")
    {
        var source = Path.Combine(Root, "bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(source, "extra"));
        File.WriteAllText(Path.Combine(source, "model.zip"), content);
        File.WriteAllText(Path.Combine(source, "extra", "notes.txt"), "notes");
        return Path.GetFullPath(source);
    }

    public void Dispose()
    {
        Workspace.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A <see cref="TimeProvider"/> that only moves when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
