using System.Globalization;

namespace Vigil.Cli.Outputs;

/// <summary>
/// Checks, before a command does anything, that what it will write can be written: a file's folder exists and
/// takes a new file, the path is not a folder or a device; a folder (created with its parents when missing) lies
/// under a writable folder. Commands record checks, register models and retrain before they write their outputs,
/// so a late "cannot write" would leave the workspace changed by a command that failed (#20 item 5).
/// Problems are returned as one line naming the path as the user gave it.
/// </summary>
internal static class OutputTarget
{
    /// <summary>Why <paramref name="given"/> cannot be written as a file, or null when it can.</summary>
    public static string? FileProblem(string given)
    {
        var full = Path.GetFullPath(given);
        if (Directory.Exists(full))
        {
            return $"{given} is a folder; give a file name";
        }

        if (File.Exists(full) && FileKind.IsSpecial(full))
        {
            return $"{given} is a device, pipe or socket, not a regular file";
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            return File.Exists(folder)
                ? $"{given}: {folder} is a file, not a folder"
                : $"{given}: the folder {folder} does not exist";
        }

        return WriteProblem(folder) is { } problem ? $"{given}: cannot create files in {folder} ({problem})" : null;
    }

    /// <summary>Why <paramref name="given"/> cannot be written (or created) as a folder, or null when it can.</summary>
    public static string? FolderProblem(string given)
    {
        var full = Path.GetFullPath(given);
        if (File.Exists(full))
        {
            return $"{given} is a file; give a folder";
        }

        // The nearest folder that exists must take new entries: the command creates the rest.
        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return $"{given}: no part of the path exists";
            }

            if (File.Exists(parent))
            {
                return $"{given}: {parent} is a file, not a folder";
            }

            existing = parent;
        }

        return WriteProblem(existing) is { } problem ? $"{given}: cannot create files in {existing} ({problem})" : null;
    }

    // Creates and deletes a hidden probe file: the only check that sees permissions, read-only mounts and
    // pseudo file systems such as /proc alike.
    private static string? WriteProblem(string folder)
    {
        var probe = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".vigil-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is UnauthorizedAccessException ? "permission denied" : Reason(e);
        }
    }

    // The OS reason without the probe's own name, which means nothing to the user.
    private static string Reason(Exception e) =>
        e.Message.Contains(".vigil-write-check-", StringComparison.Ordinal) ? e.GetType().Name switch
        {
            nameof(FileNotFoundException) or nameof(DirectoryNotFoundException) => "the file system does not take new files",
            _ => "the file system refused a new file",
        } : e.Message;
}
