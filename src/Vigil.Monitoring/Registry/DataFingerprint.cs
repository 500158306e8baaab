using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Registry;

/// <summary>
/// A deterministic identity of a table's content: SHA-256 over column names, kinds, row count and cell values,
/// as 64 lowercase hex digits. Equal tables give equal fingerprints across runs and machines; categorical cells
/// are hashed by their text, so two columns with the same values but differently ordered dictionaries match.
/// All NaNs hash alike (NaN is "missing"), while -0.0 and 0.0 differ.
/// </summary>
public static class DataFingerprint
{
    private const byte Missing = 0;
    private const byte Present = 1;

    public static string Compute(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[9];
        AppendInt64(hash, buffer, table.Columns.Count);
        AppendInt64(hash, buffer, table.RowCount);
        foreach (var column in table.Columns)
        {
            AppendString(hash, buffer, column.Name);
            AppendInt64(hash, buffer, (long)column.Kind);
            for (var row = 0; row < column.Length; row++)
            {
                AppendCell(hash, buffer, column, row);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendCell(IncrementalHash hash, byte[] buffer, Column column, int row)
    {
        // Each cell starts with a presence byte so "missing" can never collide with a value.
        switch (column)
        {
            case NumericColumn numeric:
                var value = numeric[row];
                buffer[0] = double.IsNaN(value) ? Missing : Present;
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(1), double.IsNaN(value) ? 0 : BitConverter.DoubleToInt64Bits(value));
                hash.AppendData(buffer, 0, 9);
                break;
            case CategoricalColumn categorical:
                var text = categorical[row];
                hash.AppendData([text is null ? Missing : Present]);
                if (text is not null)
                {
                    AppendString(hash, buffer, text);
                }

                break;
            case BooleanColumn boolean:
                hash.AppendData([boolean[row] switch { null => Missing, false => (byte)2, true => (byte)3 }]);
                break;
            case DateTimeColumn dates:
                var date = dates[row];
                buffer[0] = date.HasValue ? Present : Missing;
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(1), date.HasValue ? date.Value.ToBinary() : 0);
                hash.AppendData(buffer, 0, 9);
                break;
            default:
                // Unknown column types still hash deterministically through their invariant text form.
                var cell = column.FormatCell(row);
                hash.AppendData([cell is null ? Missing : Present]);
                if (cell is not null)
                {
                    AppendString(hash, buffer, cell);
                }

                break;
        }
    }

    private static void AppendInt64(IncrementalHash hash, byte[] buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer, 0, 8);
    }

    // Length-prefixed so ("ab","c") and ("a","bc") hash differently.
    private static void AppendString(IncrementalHash hash, byte[] buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, buffer, bytes.Length);
        hash.AppendData(bytes);
    }
}
