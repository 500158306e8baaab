using System.IO.Compression;
using Vigil.AutoML.Bundles;

namespace Vigil.Server.Api;

/// <summary>
/// Unpacks an uploaded bundle archive. Every entry is checked before anything is written — a name that leaves the
/// folder, a link, a name given twice (letter case ignored), a file and a folder of one name, more entries or more
/// unpacked bytes than allowed refuse the whole archive with 422 naming the entry — and then each entry streams to
/// disk through one 80 KiB buffer, never more bytes than it declared. Memory while unpacking is therefore the zip's
/// central directory (within the request size limit) plus that buffer, whatever the archive unpacks to.
/// </summary>
internal static class BundleArchive
{
    /// <summary>A bundle holds a handful of files; far more means this is not one.</summary>
    public const int MaxEntries = 1000;

    private const string Manifest = "manifest.json";

    private const int BufferBytes = 81920;

    /// <summary>Checks every entry, then extracts into <paramref name="folder"/>; returns the folder that holds manifest.json.</summary>
    public static string Unpack(string archivePath, string folder, long maxUnpackedBytes)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(archivePath);
        }
        catch (InvalidDataException e)
        {
            throw ApiProblemException.Unprocessable($"The body is not a readable zip archive: {e.Message}");
        }

        using (zip)
        {
            var plan = Plan(zip.Entries, maxUnpackedBytes);
            Directory.CreateDirectory(folder);
            foreach (var (entry, name, isFolder) in plan)
            {
                var target = Path.Combine(folder, name);
                if (isFolder)
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Extract(entry, name, target);
            }
        }

        return BundleRoot(folder);
    }

    /// <summary>The entries with their checked relative names, or 422 naming the first entry that refuses the archive.</summary>
    internal static List<(ZipArchiveEntry Entry, string Name, bool IsFolder)> Plan(IReadOnlyCollection<ZipArchiveEntry> entries, long maxUnpackedBytes)
    {
        if (entries.Count > MaxEntries)
        {
            throw ApiProblemException.Unprocessable($"The archive has {entries.Count} entries; a model bundle has at most {MaxEntries}.");
        }

        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plan = new List<(ZipArchiveEntry, string, bool)>(entries.Count);
        long unpacked = 0;
        foreach (var entry in entries)
        {
            var raw = entry.FullName.Replace('\\', '/');
            var isFolder = raw.EndsWith('/');
            var name = StripCurrentFolder(raw.TrimEnd('/'));
            if (name.Length == 0 && isFolder)
            {
                continue; // "./": the archive's own top
            }

            if (!BundleFile.IsContainedName(name))
            {
                throw ApiProblemException.Unprocessable($"Archive entry '{entry.FullName}' would be written outside the bundle folder; refused.");
            }

            // Unix mode bits live in the high 16 bits of the external attributes; 0xA000 is a symbolic link.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                throw ApiProblemException.Unprocessable($"Archive entry '{entry.FullName}' is a symbolic link; refused.");
            }

            if (files.Contains(name))
            {
                throw ApiProblemException.Unprocessable(
                    $"Archive entry '{entry.FullName}' appears twice (names that differ only in letter case count as the same); refused.");
            }

            if (!isFolder && folders.Contains(name))
            {
                throw ApiProblemException.Unprocessable($"Archive entry '{entry.FullName}' is both a file and a folder; refused.");
            }

            for (var slash = name.IndexOf('/'); slash > 0; slash = name.IndexOf('/', slash + 1))
            {
                var parent = name[..slash];
                if (files.Contains(parent))
                {
                    throw ApiProblemException.Unprocessable($"Archive entry '{parent}' is both a file and a folder (it holds '{entry.FullName}'); refused.");
                }

                folders.Add(parent);
            }

            if (isFolder)
            {
                folders.Add(name);
            }
            else
            {
                files.Add(name);
                unpacked += entry.Length;
                if (unpacked > maxUnpackedBytes)
                {
                    throw ApiProblemException.Unprocessable(
                        $"The archive unpacks to more than {maxUnpackedBytes} bytes (Vigil:MaxBundleBytes); refused.");
                }
            }

            plan.Add((entry, name, isFolder));
        }

        return plan;
    }

    private static string StripCurrentFolder(string name)
    {
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return name == "." ? "" : name;
    }

    // Streams one entry to disk, stopping with 422 if it inflates beyond the size it declared.
    private static void Extract(ZipArchiveEntry entry, string name, string target)
    {
        try
        {
            using var input = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes);
            var buffer = new byte[BufferBytes];
            long written = 0;
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > entry.Length)
                {
                    throw ApiProblemException.Unprocessable($"Archive entry '{name}' unpacks to more bytes than it declares; refused.");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw ApiProblemException.Unprocessable($"Archive entry '{name}' cannot be unpacked: {e.Message}");
        }
    }

    // The manifest at the top, or inside the archive's one top folder (zip of the folder itself).
    private static string BundleRoot(string folder)
    {
        if (File.Exists(Path.Combine(folder, Manifest)))
        {
            return folder;
        }

        var children = Directory.GetDirectories(folder);
        if (Directory.GetFiles(folder).Length == 0 && children.Length == 1 && File.Exists(Path.Combine(children[0], Manifest)))
        {
            return children[0];
        }

        throw ApiProblemException.Unprocessable(
            $"The archive is not a Vigil model bundle: no {Manifest} at its top or in its one top folder.");
    }
}
