using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Monitoring.Store;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Api;

/// <summary>
/// Reads a batch body — a JSON array of <c>{id, timestamp?, features{...}, prediction, score?, model_version?}</c>, or
/// an object whose <c>rows</c> property is that array — in one pass with <see cref="Utf8JsonReader"/>. Features are
/// validated token by token (against the champion's <see cref="FeatureSchema"/> when given) and their text is stored
/// as sent, so no dictionary is built per row (values to score are kept column by column, <see cref="FeatureColumns"/>).
/// Every failure is an <see cref="ApiProblemException"/>: 400 for a body that is not UTF-8, not JSON, empty, or has
/// anything after the JSON value; 422 for well-formed rows that break the contract, all reported together (capped)
/// with nothing stored. A lenient reader stores rows whose features do not match the schema and reports them as
/// findings (<see cref="PredictionBatch.Findings"/>).
/// </summary>
internal sealed class PredictionBatchReader(FeatureSchema? schema = null, bool lenient = false)
{
    private static readonly Dictionary<string, object?> NoFeatures = new(0);

    private readonly BatchProblems _problems = new(lenient);
    private byte[]? _lastTimestamp;
    private DateTimeOffset _lastValue;

    /// <param name="scoring">True for /predict: no prediction field, ids optional (generated), values kept.</param>
    public PredictionBatch Read(ReadOnlySpan<byte> body, bool scoring, DateTimeOffset now, int maxRows)
    {
        Utf8Body.Require(body);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return ReadBatch(ref reader, body, scoring, now, maxRows);
        }
        catch (JsonException e)
        {
            throw ApiProblemException.InvalidJson(string.Create(CultureInfo.InvariantCulture,
                $"{e.Message.Split(" LineNumber:")[0].TrimEnd(' ', '|')} (near byte offset {reader.BytesConsumed}, line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} of the line)."));
        }
        catch (InvalidOperationException e)
        {
            // GetString on text that is not valid UTF-16 (an escaped lone surrogate such as "\ud800").
            throw ApiProblemException.InvalidJson(string.Create(CultureInfo.InvariantCulture,
                $"A string near byte offset {reader.TokenStartIndex} is not valid text: {e.Message}"));
        }
    }

    private PredictionBatch ReadBatch(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, bool scoring, DateTimeOffset now, int maxRows)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw ApiProblemException.InvalidJson("The request body is empty; expected a JSON array of rows.");
        }

        reader.Read();
        var wrapped = reader.TokenType == JsonTokenType.StartObject;
        if (wrapped)
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

        var batch = new PredictionBatch(Math.Min(1024, body.Length / 64), _problems.Findings) { Values = scoring ? new FeatureColumns(schema ?? throw new InvalidOperationException("Scoring needs the champion's schema.")) : null };
        var features = new FeatureObjectReader(schema, _problems);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index >= maxRows)
            {
                throw Problem($"The batch has more than {maxRows} rows (Vigil:MaxBatchRows); split it.");
            }

            ReadRow(ref reader, body, index++, scoring, now, batch, features);
        }

        if (wrapped)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Anything after the JSON value (a second array, stray bytes) is malformed: the reader throws on it.
        reader.Read();
        _problems.ThrowIfAny(index, "rows");
        if (index == 0)
        {
            throw Problem("The batch has no rows.");
        }

        return batch;
    }

    private void ReadRow(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int index, bool scoring, DateTimeOffset now, PredictionBatch batch, FeatureObjectReader featureReader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(index, "", "an object", JsonFound.Describe(ref reader));
            reader.Skip();
            return;
        }

        string? id = null, prediction = null, features = null;
        DateTimeOffset? timestamp = null;
        double? score = null;
        int? version = null;
        var ok = true;
        var sawFeatures = false;
        var sawId = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                sawId = true;
                var type = reader.TokenType; // described only on error: this runs for every row
                id = Scalar(ref reader);
                ok &= id is { Length: > 0 } || Error(index, "id", "a non-empty string or a number", id is null ? JsonFound.Token(type) : "an empty string");
            }
            else if (reader.ValueTextEquals("features"u8))
            {
                reader.Read();
                sawFeatures = true;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    batch.Values?.BeginRow(); // a repeated 'features' object replaces the row's values, as it replaces its text
                    features = featureReader.Read(ref reader, body, index, batch.Values);
                    ok &= features is not null;
                }
                else
                {
                    ok = Error(index, "features", "an object", JsonFound.Describe(ref reader));
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("prediction"u8))
            {
                reader.Read();
                var type = reader.TokenType;
                prediction = Scalar(ref reader);
                ok &= prediction is not null || Error(index, "prediction", "a string, number or boolean", JsonFound.Token(type));
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (Timestamp(ref reader) is { } t)
                {
                    timestamp = t;
                    if (IsoTimestamp.Implausible(t, now) is { } why)
                    {
                        ok = Error(index, "timestamp", IsoTimestamp.Expected + " from 1970 to a day ahead", $"{JsonFound.Describe(ref reader)}, {why}");
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    ok = Error(index, "timestamp", IsoTimestamp.Expected, JsonFound.Describe(ref reader));
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("score"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var s) && double.IsFinite(s))
                {
                    score = s;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    ok = Error(index, "score", "a finite number or null", JsonFound.Describe(ref reader));
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
                    ok = Error(index, "model_version", "an integer or null", JsonFound.Describe(ref reader));
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip(); // unknown fields of the row (not of its features) are ignored
            }
        }

        // A row without an id: /predict makes one (only for a row it will store); a logged row must bring its own.
        // An id that was there but unusable has been reported already.
        if (!sawId && scoring && ok)
        {
            id = Guid.NewGuid().ToString("N");
            batch.GeneratedIds++;
        }

        ok &= sawId || scoring || Error(index, "id", "a non-empty string or a number", "nothing");
        ok &= sawFeatures || Error(index, "features", "an object", "nothing");
        ok &= scoring || prediction is not null || Error(index, "prediction", "a string, number or boolean", "nothing");
        if (!ok || _problems.Errors.Count > 0)
        {
            return; // nothing will be stored; keep validating the rest
        }

        batch.Rows.Add(new PredictionRecord(id!, timestamp ?? now, NoFeatures, prediction ?? "", score, version));
        batch.FeaturesJson.Add(features!);
        batch.Values?.KeepRow();
    }

    // Batches usually share one timestamp text: parse it once.
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

        if (!(reader.ValueIsEscaped ? IsoTimestamp.TryParse(reader.GetString()!, out var value) : IsoTimestamp.TryParse(span, out value)))
        {
            return null;
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

    private bool Error(int index, string field, string expected, string found) =>
        _problems.Structural(new RowProblem(index, field, expected, found));

    private static ApiProblemException Problem(string detail) => ApiProblemException.Unprocessable(detail);
}
