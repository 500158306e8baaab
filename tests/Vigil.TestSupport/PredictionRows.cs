using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Tables;

namespace Vigil.TestSupport;

/// <summary>Prediction rows as the ingestion API takes them, drawn from a generated stream (server and cluster tests).</summary>
public static class PredictionRows
{
    /// <summary>
    /// Rows <c>{id, timestamp, features, prediction, score}</c> with ids <c>prefix + i</c> for i in [start, start+count):
    /// row i takes the numeric features of stream row <c>firstRow + i % span</c> (shifted by 4 when <paramref name="drift"/>)
    /// and a timestamp i seconds after a fixed day.
    /// </summary>
    public static JsonArray Json(Table stream, string label, int start, int count, string prefix, bool drift, int firstRow, int span)
    {
        var rows = new JsonArray();
        var features = stream.ColumnNames.Where(n => n != label).ToArray();
        for (var i = start; i < start + count; i++)
        {
            var row = firstRow + (i % span);
            var values = new JsonObject();
            foreach (var name in features)
            {
                var value = ((NumericColumn)stream[name])[row];
                values[name] = drift ? value + 4 : value;
            }

            rows.Add(new JsonObject
            {
                ["id"] = prefix + i.ToString(CultureInfo.InvariantCulture),
                ["timestamp"] = DateTimeOffset.UnixEpoch.AddDays(20000).AddSeconds(i).ToString("o", CultureInfo.InvariantCulture),
                ["features"] = values,
                ["prediction"] = "1",
                ["score"] = 0.5,
            });
        }

        return rows;
    }
}
