using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>
/// Reads a batch body — a JSON array of <c>{id, timestamp?, features{...}, prediction, score?, model_version?}</c>, or
/// an object whose <c>rows</c> property is that array — in one pass with <see cref="Utf8JsonReader"/>. Features are
/// validated token by token and their text is stored as sent (already the stored form), so no dictionary is built per row (unless values are
/// asked for, to score them). Malformed JSON throws <see cref="JsonException"/> (400); well-formed rows that break the
/// contract are collected and reported together (422).
/// </summary>
internal sealed class PredictionBatchReader
{
    private const int MaxReportedErrors = 20;
    private static readonly Dictionary<string, object?> NoFeatures = new(0);

    private readonly List<string> _errors = [];
    private int _errorCount;
    private byte[]? _lastTimestamp;
    private DateTimeOffset _lastValue;

    /// <param name="scoring">True for /predict: no prediction field, ids optional (generated), values kept.</param>
    public PredictionBatch Read(ReadOnlySpan<byte> body, bool scoring, DateTimeOffset now, int maxRows)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw Problem("The request body is empty; expected a JSON array of rows.");
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            // { "rows": [ ... ] }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueTextEquals("rows"u8))
            {
                reader.Read();
                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw Problem("The request object has no 'rows' array.");
            }

            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Problem("Expected a JSON array of rows (or an object with a 'rows' array).");
        }

        var batch = new PredictionBatch(Math.Min(1024, body.Length / 64)) { Values = scoring ? [] : null };
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index >= maxRows)
            {
                throw Problem($"The batch has more than {maxRows} rows (Vigil:MaxBatchRows); split it.");
            }

            ReadRow(ref reader, body, index++, scoring, now, batch);
        }

        if (_errorCount > 0)
        {
            throw ApiProblemException.Unprocessable(
                $"{_errorCount} of {index} rows are invalid; nothing was stored." + (_errorCount > _errors.Count ? $" The first {_errors.Count} are listed." : ""),
                _errors);
        }

        if (index == 0)
        {
            throw Problem("The batch has no rows.");
        }

        return batch;
    }

    private void ReadRow(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int index, bool scoring, DateTimeOffset now, PredictionBatch batch)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(index, $"expected an object, found {Token(reader.TokenType)}");
            reader.Skip();
            return;
        }

        string? id = null, prediction = null, features = null;
        DateTimeOffset? timestamp = null;
        double? score = null;
        int? version = null;
        Dictionary<string, object?>? values = null;
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = Scalar(ref reader);
                ok &= id is { Length: > 0 } || Error(index, "'id' must be a non-empty string or a number");
            }
            else if (reader.ValueTextEquals("features"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    values = scoring ? new Dictionary<string, object?>(StringComparer.Ordinal) : null;
                    features = Features(ref reader, body, index, values, ref ok);
                }
                else
                {
                    ok = Error(index, $"'features' must be an object, found {Token(reader.TokenType)}");
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("prediction"u8))
            {
                reader.Read();
                prediction = Scalar(ref reader);
                ok &= prediction is not null || Error(index, "'prediction' must be a string, number or boolean");
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (Timestamp(ref reader) is { } t)
                {
                    timestamp = t;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    ok = Error(index, "'timestamp' must be an ISO 8601 date-time string");
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("score"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var s))
                {
                    score = s;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    ok = Error(index, "'score' must be a number or null");
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("model_version"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v))
                {
                    version = v;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    ok = Error(index, "'model_version' must be an integer or null");
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip(); // unknown fields are ignored
            }
        }

        if (id is null && scoring && ok)
        {
            id = Guid.NewGuid().ToString("N");
            batch.GeneratedIds++;
        }

        ok &= id is not null || Error(index, "'id' is missing");
        ok &= features is not null || Error(index, "'features' is missing");
        ok &= scoring || prediction is not null || Error(index, "'prediction' is missing");
        if (!ok || _errorCount > 0)
        {
            return; // nothing will be stored; keep validating the rest
        }

        batch.Rows.Add(new PredictionRecord(id!, timestamp ?? now, NoFeatures, prediction ?? "", score, version));
        batch.FeaturesJson.Add(features!);
        batch.Values?.Add(values!);
    }

    // Validates the features object (scalar values, finite numbers) and returns its text as sent: a JSON object of
    // scalars is already the stored form (FeatureJson reads it back value for value), so it is copied, not rewritten.
    private string? Features(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int index, Dictionary<string, object?>? values, ref bool ok)
    {
        var start = (int)reader.TokenStartIndex;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rawName = reader.ValueSpan;
            var escapedName = reader.ValueIsEscaped;
            var name = values is not null ? reader.GetString()! : null;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (!reader.TryGetDouble(out var d))
                    {
                        ok = Error(index, $"feature '{Name(rawName, escapedName)}' is a number out of range");
                    }

                    values?.Add(name!, d);
                    break;
                case JsonTokenType.String:
                    values?.Add(name!, reader.GetString());
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    values?.Add(name!, reader.TokenType == JsonTokenType.True);
                    break;
                case JsonTokenType.Null:
                    values?.Add(name!, null);
                    break;
                default:
                    ok = Error(index, $"feature '{Name(rawName, escapedName)}' is {Token(reader.TokenType)}; expected a number, string, boolean or null");
                    reader.Skip();
                    break;
            }
        }

        return ok ? Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]) : null;
    }

    private static string Name(ReadOnlySpan<byte> raw, bool escaped) =>
        escaped ? JsonSerializer.Deserialize<string>("\"" + Encoding.UTF8.GetString(raw) + "\"") ?? "" : Encoding.UTF8.GetString(raw);

    // Batches usually share one timestamp text: parse it once. 'O' round-trip text takes the fast UTF-8 parser.
    private DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        var span = reader.ValueSpan;
        if (!reader.ValueIsEscaped && _lastTimestamp is not null && span.SequenceEqual(_lastTimestamp))
        {
            return _lastValue;
        }

        DateTimeOffset value;
        if (reader.ValueIsEscaped
            || !(Utf8Parser.TryParse(span, out value, out var used, 'O') && used == span.Length))
        {
            if (!reader.TryGetDateTimeOffset(out value)
                && !DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return null;
            }
        }

        if (!reader.ValueIsEscaped)
        {
            _lastTimestamp = span.ToArray();
            _lastValue = value;
        }

        return value;
    }

    // A string, number or boolean as text (numbers as written); null for anything else.
    private static string? Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    private bool Error(int index, string message)
    {
        if (_errors.Count < MaxReportedErrors)
        {
            _errors.Add(string.Create(CultureInfo.InvariantCulture, $"row {index}: {message}"));
        }

        _errorCount++;
        return false;
    }

    private static string Token(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.Null => "null",
        _ => "a boolean",
    };

    private static ApiProblemException Problem(string detail) => ApiProblemException.Unprocessable(detail);
}
