using Microsoft.AspNetCore.Http;
using Vigil.Monitoring.Registry;

namespace Vigil.Server.Api;

/// <summary>
/// Registers a model bundle sent as a zip archive (the folder <c>vigil train --out</c> writes, zipped with or without
/// its top folder). The body is spooled to the workspace's staging folder, checked and unpacked there by
/// <see cref="BundleArchive"/>, and then registered exactly like a bundle placed in the workspace; the staging copies
/// are removed whatever happens.
/// </summary>
internal static class BundleUpload
{
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

            var root = BundleArchive.Unpack(archive, folder, maxUnpackedBytes);
            var label = string.IsNullOrWhiteSpace(reason) ? "uploaded as a zip archive" : reason;
            return BundleImport.RegisterFolder(host, model, root, "the uploaded archive", label, promote, actor);
        }
        finally
        {
            TryDelete(() => File.Delete(archive));
            TryDelete(() => Directory.Delete(folder, recursive: true));
        }
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
