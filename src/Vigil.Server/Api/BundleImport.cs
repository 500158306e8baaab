using System.Security.Cryptography;
using System.Text.Json;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;

namespace Vigil.Server.Api;

/// <summary>
/// Registers a model bundle that was placed inside the workspace folder. Only the workspace is ever read: the path
/// must be relative, must stay inside the workspace after normalisation ("..", absolute paths refused) and no part of
/// it may be a symbolic link (which could point anywhere).
/// </summary>
internal static class BundleImport
{
    private const string ProfileFile = "profile.json";

    public static ModelVersion Register(WorkspaceHost host, string model, RegisterRequest request, string actor)
    {
        var folder = Resolve(host.Workspace.Folder, request.Path);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "registered from " + request.Path : request.Reason;
        return RegisterFolder(host, model, folder, request.Path!, reason, request.Promote, actor);
    }

    /// <summary>
    /// Registers the bundle in <paramref name="folder"/> (already inside the workspace). Every file it names is read
    /// through <see cref="BundleFile"/>; a refusal is 422 naming the bundle as <paramref name="shownAs"/>, never by
    /// its path on the server, and nothing is registered.
    /// </summary>
    internal static ModelVersion RegisterFolder(
        WorkspaceHost host, string model, string folder, string shownAs, string reason, bool? promote, string actor)
    {
        try
        {
            var bundle = ModelBundle.Load(folder);
            var profileJson = ProfileJson(folder, bundle);
            var profile = MonitoringJson.Deserialize<ReferenceProfile>(profileJson);
            var metrics = profile.Baseline?.Metrics ?? bundle.Manifest.Metrics;
            var info = new ModelVersionInfo(
                Learner: string.IsNullOrEmpty(bundle.Manifest.Learner) ? "unknown" : bundle.Manifest.Learner,
                ConfigJson: JsonSerializer.Serialize(bundle.Manifest.Config),
                Metrics: metrics,
                TrainingFingerprint: "bundle-sha256:" + ManifestHash(folder),
                TrainingWindowStart: null,
                TrainingWindowEnd: null,
                TrainingRows: Math.Max(0, bundle.Manifest.TrainingRows),
                ParentVersion: null,
                CreatedBy: "api:" + actor,
                Reason: reason,
                ProfileJson: profileJson,
                BecomeChampion: promote);
            return host.Workspace.Registry.RegisterVersion(model, folder, info);
        }
        catch (BundleFormatException e)
        {
            throw new ApiProblemException(422, "Invalid model bundle", Shown(e.Message, folder, shownAs));
        }
        catch (CsvFormatException e)
        {
            throw new ApiProblemException(422, "Invalid CSV", Shown(e.Message, folder, shownAs));
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(422, "Invalid model bundle", $"{ProfileFile} of {shownAs} is not a reference profile: {e.Message}");
        }
    }

    // The message with the server's path of the bundle replaced by the name the caller knows it by.
    private static string Shown(string message, string folder, string shownAs) =>
        message.Replace(folder, shownAs, StringComparison.Ordinal);

    private static string ManifestHash(string folder)
    {
        using var stream = BundleFile.Resolve(folder, "manifest.json", BundleLimits.MaxJsonFileBytes).OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The absolute folder for a workspace-relative path, or 400/422 saying why not.</summary>
    internal static string Resolve(string workspace, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ApiProblemException.BadRequest("Give 'path': a bundle folder relative to the workspace folder.");
        }

        if (Path.IsPathRooted(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw ApiProblemException.BadRequest($"Path '{path}' must be relative to the workspace folder; bundles are only loaded from the workspace.");
        }

        var root = Path.GetFullPath(workspace).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path)).TrimEnd(Path.DirectorySeparatorChar);
        if (!full.StartsWith(root, StringComparison.Ordinal) || full.Length < root.Length)
        {
            throw ApiProblemException.BadRequest($"Path '{path}' leaves the workspace folder; bundles are only loaded from the workspace.");
        }

        if (!Directory.Exists(full))
        {
            throw ApiProblemException.Unprocessable($"Bundle folder '{path}' does not exist in the workspace.");
        }

        // No link on the way down from the workspace, nor inside the bundle.
        for (var dir = new DirectoryInfo(full); dir.FullName.Length >= root.Length; dir = dir.Parent!)
        {
            if (dir.LinkTarget is not null)
            {
                throw ApiProblemException.BadRequest($"Path '{path}' goes through a symbolic link; bundles are only loaded from the workspace.");
            }
        }

        foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null)
            {
                throw ApiProblemException.BadRequest($"Bundle folder '{path}' contains a symbolic link ({entry.Name}); refused.");
            }
        }

        return full;
    }

    private static BundleFile? Find(string folder, string name, long maxBytes)
    {
        try
        {
            return BundleFile.Find(folder, name, maxBytes);
        }
        catch (BundleFormatException e)
        {
            throw new BundleFormatException($"Model bundle '{folder}': {e.Message}", e);
        }
    }

    // profile.json as saved by Vigil, else a profile built from the kept training data, else the bundle cannot be monitored.
    private static string ProfileJson(string folder, ModelBundle bundle)
    {
        if (Find(folder, ProfileFile, BundleLimits.MaxJsonFileBytes) is { } profile)
        {
            return profile.ReadAllText();
        }

        if (Find(folder, ModelTrainer.TrainingDataFile, BundleLimits.MaxTrainingDataBytes) is { } training)
        {
            var table = CsvTableReader.Read(training.FullPath);
            var label = bundle.Labels.LabelColumn;
            if (!table.Columns.Any(c => c.Name == label))
            {
                // Found by fuzzing: the profile builder's ArgumentException would have been a 500.
                throw ApiProblemException.Unprocessable(
                    $"The bundle's {ModelTrainer.TrainingDataFile} has no column '{label}', the label the model was trained on; it cannot be profiled.");
            }

            return MonitoringJson.Serialize(ReferenceProfile.Build(table, label, bundle.Task));
        }

        throw ApiProblemException.Unprocessable(
            $"The bundle has neither {ProfileFile} nor {ModelTrainer.TrainingDataFile}; without a reference profile it cannot be monitored. " +
            "Bundles written by 'vigil train --out' carry both.");
    }
}
