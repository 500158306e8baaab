namespace Vigil.Fuzz.Targets;

/// <summary>
/// A private temporary folder for the targets that read files, in memory (/dev/shm) when the machine has it:
/// AFL++ runs thousands of inputs a second through it. Removed when disposed.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string purpose)
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, $"vigil-fuzz-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover scratch folder is harmless; its name is unique.
        }
    }
}
