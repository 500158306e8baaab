using System.Globalization;
using System.Text.Json;
using Vigil.Monitoring.Store;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Api;

/// <summary>
/// Reads a labels body: a JSON array of <c>{id, label, observed_at?}</c> (or an object with a <c>labels</c> array).
/// Every failure is an <see cref="ApiProblemException"/>: 400 for a body that is not UTF-8 or not one JSON value,
/// 422 listing the invalid labels (nothing stored). For a regression champion a label must be a number (or numeric
/// text); a lenient request stores such labels and reports them as findings instead.
/// </summary>
internal static class LabelInput
{
    /// <param name="now">The server's clock: an <c>observed_at</c> must lie from 1970 to a day after it (<see cref="IsoTimestamp"/>); null: now.</param>
    public static List<LabelRecord> Parse(ReadOnlySpan<byte> body, int maxRows, BatchProblems problems, bool numeric = false, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Utf8Body.Require(body);
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw ApiProblemException.InvalidJson("The request body is empty; expected a JSON array of labels.");
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return Parse(document.RootElement, maxRows, problems, numeric, now ?? DateTimeOffset.UtcNow);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.InvalidJson(string.Create(CultureInfo.InvariantCulture,
                $"{e.Message.Split(" LineNumber:")[0].TrimEnd(' ', '|')} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of the line)."));
        }
        catch (InvalidOperationException e)
        {
            throw ApiProblemException.InvalidJson("A string of the body is not valid text: " + e.Message);
        }
    }

    private static List<LabelRecord> Parse(JsonElement root, int maxRows, BatchProblems problems, bool numeric, DateTimeOffset now)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array => labels,
            _ => throw ApiProblemException.Unprocessable("Expected a JSON array of {id, label} objects (or an object with a 'labels' array)."),
        };
        if (items.GetArrayLength() > maxRows)
        {
            throw ApiProblemException.Unprocessable($"The batch has more than {maxRows} labels (Vigil:MaxBatchRows); split it.");
        }

        var result = new List<LabelRecord>(items.GetArrayLength());
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var ok = true;
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Structural(Problem(index++, "", "an object", Found(item)));
                continue;
            }

            var id = item.TryGetProperty("id", out var i) ? Text(i) : null;
            var label = item.TryGetProperty("label", out var l) ? Text(l) : null;
            DateTimeOffset? observed = null;
            if (item.TryGetProperty("observed_at", out var o) && o.ValueKind != JsonValueKind.Null)
            {
                if (o.ValueKind == JsonValueKind.String && IsoTimestamp.TryParse(o.GetString()!, out var t))
                {
                    observed = t;
                    if (IsoTimestamp.Implausible(t, now) is { } why)
                    {
                        ok = problems.Structural(Problem(index, "observed_at", IsoTimestamp.Expected + " from 1970 to a day ahead", $"{Found(o)}, {why}"));
                    }
                }
                else
                {
                    ok = problems.Structural(Problem(index, "observed_at", IsoTimestamp.Expected, Found(o)));
                }
            }

            if (string.IsNullOrEmpty(id))
            {
                ok = problems.Structural(Problem(index, "id", "a non-empty string or a number", i.ValueKind == JsonValueKind.Undefined ? "nothing" : Found(i)));
            }

            if (label is null)
            {
                ok = problems.Structural(Problem(index, "label", "a string, number or boolean", l.ValueKind == JsonValueKind.Undefined ? "nothing" : Found(l)));
            }
            else if (numeric && !double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                ok &= problems.Schema(Problem(index, "label", "a number (the champion is a regression model)", Found(l)));
            }

            if (ok)
            {
                result.Add(new LabelRecord(id!, label!, observed));
            }

            index++;
        }

        problems.ThrowIfAny(index, "labels");
        if (index == 0)
        {
            throw ApiProblemException.Unprocessable("The batch has no labels.");
        }

        return result;
    }

    // Numbers are normalised ("1.0" and "1" are the same class) so they match the model's class names.
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetDouble(out var d) && double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "the string \"" + JsonFound.Shorten(value.GetString()!) + "\"",
        JsonValueKind.Number => "the number " + JsonFound.Shorten(value.GetRawText()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static RowProblem Problem(int index, string field, string expected, string found) => new(index, field, expected, found, "label");
}
