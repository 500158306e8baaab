using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The stored form of a row's features: one compact JSON object, e.g. <c>{"age":41,"city":"Oslo","vip":true,"x":null}</c>.
/// NaN is written as null (missing); ±Infinity, which JSON cannot hold, as the strings "Infinity"/"-Infinity"
/// (<see cref="LoggedRowTable"/> reads them back as numbers in numeric columns). One instance reuses its buffer:
/// use it from one thread.
/// </summary>
internal sealed class FeatureJson
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public FeatureJson() => _writer = new Utf8JsonWriter(_buffer);

    public string Encode(string rowId, IReadOnlyDictionary<string, object?> features)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in features)
        {
            _writer.WritePropertyName(name);
            WriteValue(rowId, name, value);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public static Dictionary<string, object?> Decode(string json)
    {
        var features = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read(); // StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            features[name] = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => null,
            };
        }

        return features;
    }

    private void WriteValue(string rowId, string name, object? value)
    {
        switch (value)
        {
            case null:
                _writer.WriteNullValue();
                break;
            case double d:
                WriteDouble(d);
                break;
            case float f:
                WriteDouble(f);
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                WriteDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                _writer.WriteStringValue(s);
                break;
            case bool b:
                _writer.WriteBooleanValue(b);
                break;
            case DateTimeOffset dto:
                _writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                _writer.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture));
                break;
            default:
                throw new WorkspaceInputException(
                    $"Feature '{name}' of prediction '{rowId}' has type {value.GetType().Name}; " +
                    "expected a number, string, boolean, date or null.");
        }
    }

    private void WriteDouble(double value)
    {
        if (double.IsNaN(value))
        {
            _writer.WriteNullValue();
        }
        else if (double.IsInfinity(value))
        {
            _writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            _writer.WriteNumberValue(value);
        }
    }
}
