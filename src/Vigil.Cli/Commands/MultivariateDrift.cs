using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Data.Tables;
using Vigil.Data.Text;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Multivariate;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil drift --multivariate</c>: both methods on the compared columns, and the JSON with its <c>multivariate</c> object.</summary>
internal static class MultivariateDrift
{
    public static MultivariateDriftResult Run(Table reference, Table current, string[]? selected, string? label, double alpha)
    {
        if (selected is not null)
        {
            reference = reference.SelectColumns(selected);
            current = current.SelectColumns(selected.Where(current.Contains));
        }

        return new MultivariateCheck(reference, new MultivariateOptions { Alpha = alpha }, label).Run(current);
    }

    /// <summary>
    /// The drift report's JSON with a <c>multivariate</c> object added (same snake_case shape as in check results);
    /// without <c>--multivariate</c> the file is exactly what it was before.
    /// </summary>
    public static void WriteJson(DriftReport report, MultivariateDriftResult? multivariate, string path)
    {
        if (multivariate is null)
        {
            DriftJson.Write(report, path);
            return;
        }

        var node = JsonNode.Parse(DriftJson.Serialize(report))!.AsObject();
        node["multivariate"] = JsonNode.Parse(MonitoringJson.Serialize(multivariate));
        AtomicFile.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
