using System.Globalization;
using System.Text;
using Vigil.Data.Tables;

namespace Vigil.LoadGen;

/// <summary>
/// Builds request bodies cheaply: the feature objects of a pool of real rows are serialised once, and each batch only
/// writes fresh ids around them, so the generator spends its CPU on sending, not on JSON.
/// </summary>
public sealed class BodyFactory
{
    private readonly byte[][] _features;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public BodyFactory(int poolSize)
    {
        var data = Setup.Data(poolSize, 9);
        var names = data.ColumnNames.Where(n => n != "target").ToArray();
        _features = new byte[poolSize][];
        var sb = new StringBuilder();
        for (var i = 0; i < poolSize; i++)
        {
            sb.Clear().Append('{');
            for (var k = 0; k < names.Length; k++)
            {
                sb.Append(k == 0 ? "" : ",").Append('"').Append(names[k]).Append("\":")
                    .Append(((NumericColumn)data[names[k]])[i].ToString("R", CultureInfo.InvariantCulture));
            }

            _features[i] = Encoding.UTF8.GetBytes(sb.Append('}').ToString());
        }
    }

    /// <summary>A JSON array of <paramref name="rows"/> prediction rows with unique ids.</summary>
    public byte[] Batch(int rows, bool scoring = false)
    {
        using var stream = new MemoryStream(rows * 512);
        stream.WriteByte((byte)'[');
        var timestamp = Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        for (var i = 0; i < rows; i++)
        {
            var n = Interlocked.Increment(ref _next);
            if (i > 0)
            {
                stream.WriteByte((byte)',');
            }

            Write(stream, "{\"id\":\"");
            Write(stream, _runId);
            stream.WriteByte((byte)'-');
            Write(stream, n.ToString(CultureInfo.InvariantCulture));
            Write(stream, "\",\"timestamp\":\"");
            stream.Write(timestamp);
            Write(stream, "\",\"features\":");
            stream.Write(_features[n % _features.Length]);
            Write(stream, scoring ? "}" : ",\"prediction\":\"1\",\"score\":0.5}");
        }

        stream.WriteByte((byte)']');
        return stream.ToArray();
    }

    private static void Write(Stream stream, string ascii)
    {
        Span<byte> buffer = stackalloc byte[ascii.Length];
        Encoding.ASCII.GetBytes(ascii, buffer);
        stream.Write(buffer);
    }
}
