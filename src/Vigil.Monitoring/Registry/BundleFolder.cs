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

    // Regular files and folders only: a link (which could point anywhere) refuses the whole bundle. A file is copied
    // up to the size it had when listed; an empty one is created without opening the source, so a device or FIFO
    // (size 0 on Linux) is never read.
    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                throw new WorkspaceInputException($"Bundle folder '{source}' holds a symbolic link ({entry.Name}); a bundle's files must be its own.");
            }

            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo folder)
            {
                CopyTree(folder.FullName, destination);
                continue;
            }

            var length = ((FileInfo)entry).Length;
            using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (length > 0)
            {
                using var input = new FileStream(entry.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
                CopyExactly(input, output, length, entry.Name);
            }

            // Flushed to disk before the rename publishes the folder.
            output.Flush(flushToDisk: true);
        }
    }

    private static void CopyExactly(Stream input, Stream output, long length, string name)
    {
        var buffer = new byte[81920];
        var left = length;
        while (left > 0)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            output.Write(buffer, 0, read);
            left -= read;
        }

        if (left != 0 || input.Read(buffer, 0, 1) != 0)
        {
            throw new WorkspaceInputException($"Bundle file '{name}' changed while it was being copied.");
        }
    }
}
