using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Data.Tables;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Reads one row's <c>features</c> object for the batch reader: every value must be a scalar, and with a schema
/// every feature of the champion must be there once, with a value its column can hold, and nothing else. Returns
/// the object's text as sent (already the stored form), so a row costs no dictionary and no re-serialisation.
/// One instance serves one batch (it keeps per-row scratch state).
/// </summary>
internal sealed class FeatureObjectReader(FeatureSchema? schema, BatchProblems problems)
{
    private const int MaxNamesListed = 3;

    // _seenAt[i] == _stamp: column i was seen in the current row (no clearing between rows).
    private readonly int[] _seenAt = new int[schema?.Count ?? 0];
    private readonly List<(int Start, int End, string Text)> _replacements = [];
    private int _stamp;

    /// <summary>
    /// Reads the object the reader stands on (StartObject) and returns its stored text, or null when the row cannot
    /// be stored. <paramref name="values"/>, when given (scoring; needs the schema), receives each value of the
    /// schema's features in the row it has begun (a value its column cannot hold is read as missing; features not in
    /// the schema are not kept).
    /// </summary>
    public string? Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int row, FeatureColumns? values)
    {
        if (values is not null && schema is null)
        {
            throw new InvalidOperationException("Feature values are kept only against a schema.");
        }

        var start = (int)reader.TokenStartIndex;
        _stamp++;
        _replacements.Clear();
        var ok = true;
        int seen = 0, next = 0, unknown = 0;
        List<string>? unknownNames = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rawName = reader.ValueSpan;
            var escapedName = reader.ValueIsEscaped;
            var index = -1;
            string? name = escapedName ? reader.GetString() : null;
            if (schema is not null)
            {
                index = !escapedName && schema.Is(next, rawName) ? next : schema.IndexOf(name ??= Encoding.UTF8.GetString(rawName));
            }

            reader.Read();
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                ok = problems.Structural(new RowProblem(row, Field(rawName, name), "a number, string, boolean or null", JsonFound.Token(reader.TokenType)));
                reader.Skip();
                continue;
            }

            if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
            {
                _ = reader.GetString(); // an escaped lone surrogate is not text: throws, and the batch is refused (400)
            }

            var number = 0.0;
            var fits = true;
            // Scoring needs the value; ingestion only needs to know it fits, which a plain decimal does unparsed.
            if (reader.TokenType == JsonTokenType.Number
                && !(values is null ? JsonNumber.FitsDouble(ref reader) : reader.TryGetDouble(out number) && double.IsFinite(number)))
            {
                // Beyond double (1e999): stored as the text JSON uses for infinity, read back as ±Infinity.
                number = reader.ValueSpan[0] == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
                _replacements.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, number > 0 ? "\"Infinity\"" : "\"-Infinity\""));
                ok &= problems.Schema(new RowProblem(row, Field(rawName, name),
                    "a number within ±1.8e308 (JSON has no infinity; send the string \"Infinity\")", JsonFound.Describe(ref reader)));
            }

            if (schema is not null)
            {
                if (index < 0)
                {
                    unknown++;
                    if ((unknownNames ??= []).Count < MaxNamesListed)
                    {
                        unknownNames.Add(JsonFound.Shorten(name ?? Encoding.UTF8.GetString(rawName)));
                    }
                }
                else
                {
                    next = index + 1;
                    if (_seenAt[index] == _stamp)
                    {
                        ok &= problems.Schema(new RowProblem(row, Field(rawName, name), "the feature once", "it more than once"));
                    }
                    else
                    {
                        _seenAt[index] = _stamp;
                        seen++;
                    }

                    if (!Fits(ref reader, schema.Kinds[index]))
                    {
                        fits = false;
                        ok &= problems.Schema(new RowProblem(row, Field(rawName, name), FeatureSchema.Expected(schema.Kinds[index]), JsonFound.Describe(ref reader)));
                    }
                }
            }

            if (values is not null && index >= 0)
            {
                Keep(ref reader, values, index, fits, number);
            }
        }

        if (schema is not null && (unknown > 0 || seen < schema.Count))
        {
            ok &= SchemaShape(row, seen, unknown, unknownNames);
        }

        return ok ? Text(body, start, (int)reader.BytesConsumed) : null;
    }

    private bool SchemaShape(int row, int seen, int unknown, List<string>? unknownNames)
    {
        var ok = true;
        if (unknown > 0)
        {
            ok &= problems.Schema(new RowProblem(row, "features", $"only the champion's {schema!.Count} features",
                string.Create(CultureInfo.InvariantCulture, $"{unknown} unknown: {Quoted(unknownNames!)}{(unknown > unknownNames!.Count ? ", …" : "")}")));
        }

        if (seen < schema!.Count)
        {
            var missing = new List<string>(MaxNamesListed);
            for (var i = 0; i < schema.Count && missing.Count < MaxNamesListed; i++)
            {
                if (_seenAt[i] != _stamp)
                {
                    missing.Add(JsonFound.Shorten(schema.Names[i]));
                }
            }

            var count = schema.Count - seen;
            ok &= problems.Schema(new RowProblem(row, "features", "every feature of the champion (null for a missing value)",
                string.Create(CultureInfo.InvariantCulture, $"{count} missing: {Quoted(missing)}{(count > missing.Count ? ", …" : "")}")));
        }

        return ok;
    }

    // A value its column can hold, as LoggedRowTable will read it: numeric columns parse numeric text, boolean
    // columns take "true"/"false", date-time columns parse ISO 8601 text.
    private static bool Fits(ref Utf8JsonReader reader, ColumnKind kind) => reader.TokenType switch
    {
        JsonTokenType.Null => true,
        JsonTokenType.Number => kind is ColumnKind.Numeric or ColumnKind.Categorical,
        JsonTokenType.True or JsonTokenType.False => kind is ColumnKind.Boolean or ColumnKind.Categorical,
        JsonTokenType.String => kind switch
        {
            ColumnKind.Numeric => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            ColumnKind.Boolean => bool.TryParse(reader.GetString(), out _),
            ColumnKind.DateTime => DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => true,
        },
        _ => false,
    };

    // The value of column index for scoring; number is the token's value when it is a number (±Infinity beyond double).
    private static void Keep(ref Utf8JsonReader reader, FeatureColumns values, int index, bool fits, double number)
    {
        switch (fits ? reader.TokenType : JsonTokenType.Null)
        {
            case JsonTokenType.Number:
                values.SetNumber(index, number);
                break;
            case JsonTokenType.String:
                values.SetText(index, reader.GetString()!);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                values.SetFlag(index, reader.TokenType == JsonTokenType.True);
                break;
            default:
                values.SetMissing(index);
                break;
        }
    }

    private string Text(ReadOnlySpan<byte> body, int start, int end)
    {
        if (_replacements.Count == 0)
        {
            return Encoding.UTF8.GetString(body[start..end]);
        }

        var text = new StringBuilder(end - start + 16);
        var at = start;
        foreach (var (from, to, replacement) in _replacements)
        {
            text.Append(Encoding.UTF8.GetString(body[at..from])).Append(replacement);
            at = to;
        }

        return text.Append(Encoding.UTF8.GetString(body[at..end])).ToString();
    }

    private static string Field(ReadOnlySpan<byte> rawName, string? name) =>
        "features." + JsonFound.Shorten(name ?? Encoding.UTF8.GetString(rawName));

    private static string Quoted(List<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));
}
