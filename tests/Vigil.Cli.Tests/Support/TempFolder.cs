namespace Vigil.Cli.Tests.Support;

/// <summary>A temporary folder for one test class, deleted at the end.</summary>
public class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes raw bytes (for encodings and binary files).</summary>
    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    public virtual void Dispose()
    {
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle released late; the temp folder is cleaned by the system.
        }
    }
}
