using System.Collections.Concurrent;
using System.Text.Json;
using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// The input schema (and whether labels must be numbers) of each model's champion, for validating logged rows and
/// labels. Read from the version's <c>manifest.json</c> alone, once per version (versions never change): loading the
/// whole bundle would put the learners' native runtimes into a server that only logs predictions made elsewhere,
/// and that alone cost the ingestion benchmark about a third of its throughput.
/// </summary>
internal sealed class ChampionSchemas(WorkspaceHost host)
{
    // A manifest is a few kilobytes; anything this large is not one.
    private const long MaxManifestBytes = 16L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, ChampionSchema> _byFolder = new(StringComparer.Ordinal);

    /// <summary>The champion's schema, or null when the model has no champion (rows are then checked for shape only).</summary>
    public ChampionSchema? Of(string model)
    {
        try
        {
            var champion = host.ScoringChampion(model);
            return _byFolder.GetOrAdd(champion.BundleFolder, Read);
        }
        catch (ApiProblemException e) when (e.Status == 409)
        {
            return null;
        }
    }

    private static ChampionSchema Read(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        try
        {
            // Through the bundle guard like every stored path: inside the folder, no link, a regular file, bounded size.
            // A version Vigil did not train describes itself in model.json, with the same input_schema and task.
            var manifest = BundleFile.Find(folder, "manifest.json", MaxManifestBytes)
                ?? BundleFile.Resolve(folder, Vigil.Monitoring.Models.ModelDescriptor.FileName, MaxManifestBytes);
            using var stream = manifest.OpenRead();
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var columns = new List<KeyValuePair<string, ColumnKind>>();
            if (root.TryGetProperty("input_schema", out var schema) && schema.ValueKind == JsonValueKind.Array)
            {
                foreach (var column in schema.EnumerateArray())
                {
                    var name = column.GetProperty("name").GetString() ?? "";
                    var kindText = column.TryGetProperty("kind", out var k) ? k.GetString() : null;
                    // As ModelBundle reads it: an unknown kind is categorical.
                    columns.Add(new(name, Enum.TryParse<ColumnKind>(kindText, ignoreCase: true, out var kind) ? kind : ColumnKind.Categorical));
                }
            }

            var regression = root.TryGetProperty("task", out var task) && string.Equals(task.GetString(), "regression", StringComparison.OrdinalIgnoreCase);
            return new ChampionSchema(new FeatureSchema(columns), regression);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IOException)
        {
            throw new BundleFormatException($"The champion's {path} cannot be read: {e.Message}", e);
        }
    }
}

/// <summary>A champion's input columns and whether its labels are numbers (regression).</summary>
internal sealed record ChampionSchema(FeatureSchema Features, bool NumericLabels);
