using System.Globalization;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Registry;

/// <summary>
/// File-system side of registration. A bundle is copied into a hidden sibling
/// <c>models/&lt;model&gt;/.incoming-&lt;pid&gt;-&lt;guid&gt;</c>, then renamed to <c>models/&lt;model&gt;/&lt;version&gt;</c>
/// in one <see cref="Directory.Move(string, string)"/>, so a version folder is either absent or complete.
/// </summary>
internal static class BundleFolder
{
    public const string IncomingPrefix = ".incoming-";
    public const string ProfileFileName = "profile.json";

    /// <summary>Copies every file under <paramref name="source"/> into a new incoming folder inside <paramref name="modelFolder"/>.</summary>
    public static string CopyToIncoming(string source, string modelFolder, string? profileJson)
    {
        Directory.CreateDirectory(modelFolder);
        var incoming = Path.Combine(
            modelFolder,
            string.Create(CultureInfo.InvariantCulture, $"{IncomingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            CopyTree(source, incoming);
            if (profileJson is not null)
            {
                Vigil.Data.Text.AtomicFile.WriteAllText(Path.Combine(incoming, ProfileFileName), profileJson);
            }

            return incoming;
        }
        catch
        {
            DeleteQuietly(incoming);
            throw;
        }
    }

    /// <summary>
    /// True for an incoming folder left by a process that no longer runs (it crashed mid-copy). Folders of live
    /// processes are left alone: another process may be registering right now.
    /// </summary>
    public static bool IsAbandonedIncoming(string folderName)
    {
        if (!folderName.StartsWith(IncomingPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = folderName.AsSpan(IncomingPrefix.Length);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        return !ProcessLiveness.IsRunning(pid);
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover is removed again on the next open.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var destination = Path.Combine(target, Path.GetFileName(file));
            using (var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
            using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                input.CopyTo(output);
                // Flushed to disk before the rename publishes the folder.
                output.Flush(flushToDisk: true);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
