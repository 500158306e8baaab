using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Vigil.Monitoring.Registry;

namespace Vigil.Server.Api;

/// <summary>
/// Registers a model bundle sent as a zip archive (the folder <c>vigil train --out</c> writes, zipped with or without
/// its top folder). The body is spooled to the workspace's staging folder, checked entry by entry before anything is
/// extracted (no absolute paths, no "..", no links, bounded entry count and unpacked size — a zip bomb or a path
/// that escapes is refused whole), unpacked there, and then registered exactly like a bundle placed in the workspace;
/// the staging copy is removed whatever happens.
/// </summary>
internal static class BundleUpload
{
    /// <summary>A bundle holds a handful of files; far more means this is not one.</summary>
    private const int MaxEntries = 1000;

    private const string Manifest = "manifest.json";

    public static async Task<ModelVersion> RegisterAsync(
        WorkspaceHost host, string model, HttpRequest request, string? reason, bool? promote, long maxUnpackedBytes, string actor,
        CancellationToken cancellationToken)
    {
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, "application/zip", StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(type, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(415, "Unsupported media type",
                $"Send the bundle as a zip archive with Content-Type application/zip (got '{type ?? "none"}').");
        }

        var id = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(host.Workspace.Folder, ".staging");
        var archive = Path.Combine(staging, "upload-" + id + ".zip");
        var folder = Path.Combine(staging, "upload-" + id);
        Directory.CreateDirectory(staging);
        try
        {
            await using (var file = new FileStream(archive, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await request.Body.CopyToAsync(file, cancellationToken);
            }

            var root = Unpack(archive, folder, maxUnpackedBytes);
            var relative = Path.GetRelativePath(host.Workspace.Folder, root);
            var label = string.IsNullOrWhiteSpace(reason) ? "uploaded as a zip archive" : reason;
            return BundleImport.Register(host, model, new RegisterRequest(relative, label, promote), actor);
        }
        finally
        {
            TryDelete(() => File.Delete(archive));
            TryDelete(() => Directory.Delete(folder, recursive: true));
        }
    }

    /// <summary>Checks every entry, then extracts; returns the folder that holds manifest.json.</summary>
    internal static string Unpack(string archivePath, string folder, long maxUnpackedBytes)
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
            if (zip.Entries.Count > MaxEntries)
            {
                throw ApiProblemException.Unprocessable($"The archive has {zip.Entries.Count} entries; a model bundle has at most {MaxEntries}.");
            }

            var full = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(full, entry.FullName));
                if (Path.IsPathRooted(entry.FullName) || entry.FullName.Contains("..", StringComparison.Ordinal) ||
                    !target.StartsWith(full, StringComparison.Ordinal))
                {
                    throw ApiProblemException.Unprocessable($"Archive entry '{entry.FullName}' would be written outside the bundle folder; refused.");
                }

                // Unix mode bits live in the high 16 bits of the external attributes; 0xA000 is a symbolic link.
                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    throw ApiProblemException.Unprocessable($"Archive entry '{entry.FullName}' is a symbolic link; refused.");
                }

                unpacked += entry.Length;
                if (unpacked > maxUnpackedBytes)
                {
                    throw ApiProblemException.Unprocessable(
                        $"The archive unpacks to more than {maxUnpackedBytes} bytes (Vigil:MaxBundleBytes); refused.");
                }
            }

            Directory.CreateDirectory(folder);
            try
            {
                zip.ExtractToDirectory(folder);
            }
            catch (InvalidDataException e)
            {
                throw ApiProblemException.Unprocessable($"The zip archive is damaged: {e.Message}");
            }
        }

        return BundleRoot(folder);
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

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Staging leftovers are harmless; the next upload uses a new name.
        }
    }
}
