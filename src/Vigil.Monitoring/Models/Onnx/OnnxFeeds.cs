using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Vigil.AutoML;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>
/// Builds an ONNX graph's inputs from a table. Missing numbers are NaN for float and double inputs and an empty
/// string for string inputs; int64 and bool inputs have no missing value, so a missing cell there is refused with
/// the row and column (a window that cannot be scored is still checked for drift and quality).
/// </summary>
internal static class OnnxFeeds
{
    public static List<NamedOnnxValue> Build(OnnxLayout layout, Table rows)
    {
        var n = rows.RowCount;
        var feeds = new List<NamedOnnxValue>(layout.Inputs.Count);
        if (layout.Features is { } features)
        {
            var input = layout.Inputs[0];
            var columns = new Column[features.Count];
            for (var j = 0; j < columns.Length; j++)
            {
                columns[j] = Require(rows, features[j], input.Name);
            }

            feeds.Add(input.Element == TensorElementType.Double
                ? NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<double>(Matrix<double>(columns, n, v => v), [n, columns.Length]))
                : NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<float>(Matrix(columns, n, v => (float)v), [n, columns.Length])));
            return feeds;
        }

        foreach (var input in layout.Inputs)
        {
            var column = Require(rows, input.Column!, input.Name);
            int[] shape = input.TwoDimensional ? [n, 1] : [n];
            feeds.Add(input.Element switch
            {
                TensorElementType.Float => NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<float>(Numbers(column, v => (float)v), shape)),
                TensorElementType.Double => NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<double>(Numbers(column, v => v), shape)),
                TensorElementType.Int64 => NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<long>(Integers(column, input.Name), shape)),
                TensorElementType.Bool => NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<bool>(Flags(column, input.Name), shape)),
                _ => NamedOnnxValue.CreateFromTensor(input.Name, new DenseTensor<string>(Texts(column), shape)),
            });
        }

        return feeds;
    }

    private static Column Require(Table rows, string column, string input) =>
        rows.TryGetColumn(column, out var c)
            ? c
            : throw new AutoMLException(AutoMLErrorCode.SchemaMismatch, $"Column '{column}' (ONNX input '{input}') is not in the data.");

    private static T[] Matrix<T>(Column[] columns, int n, Func<double, T> convert)
    {
        var width = columns.Length;
        var data = new T[n * width];
        for (var j = 0; j < width; j++)
        {
            // Read in place (no copy of the column per call: /predict scores one row at a time).
            var column = columns[j];
            for (var i = 0; i < n; i++)
            {
                data[(i * width) + j] = convert(Number(column, i));
            }
        }

        return data;
    }

    private static T[] Numbers<T>(Column column, Func<double, T> convert)
    {
        var data = new T[column.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = convert(Number(column, i));
        }

        return data;
    }

    private static double Number(Column column, int row) => column switch
    {
        NumericColumn n => n[row],
        BooleanColumn b => b[row] is { } flag ? (flag ? 1 : 0) : double.NaN,
        _ => column.FormatCell(row) switch
        {
            "true" or "True" or "TRUE" => 1,
            "false" or "False" or "FALSE" => 0,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
        },
    };

    private static long[] Integers(Column column, string input)
    {
        var data = new long[column.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var v = Number(column, i);
            if (!double.IsFinite(v) || v != Math.Round(v))
            {
                throw new AutoMLException(AutoMLErrorCode.SchemaMismatch,
                    $"Row {i + 1}: column '{column.Name}' holds '{column.FormatCell(i) ?? "(missing)"}'; ONNX input '{input}' takes whole numbers (int64) and has no missing value.");
            }

            data[i] = (long)v;
        }

        return data;
    }

    private static bool[] Flags(Column column, string input)
    {
        var data = new bool[column.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var v = Number(column, i);
            if (v is not (0 or 1))
            {
                throw new AutoMLException(AutoMLErrorCode.SchemaMismatch,
                    $"Row {i + 1}: column '{column.Name}' holds '{column.FormatCell(i) ?? "(missing)"}'; ONNX input '{input}' takes true or false and has no missing value.");
            }

            data[i] = v == 1;
        }

        return data;
    }

    private static string[] Texts(Column column)
    {
        var data = new string[column.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = column switch
            {
                NumericColumn n => double.IsNaN(n[i]) ? "" : n[i].ToString("R", CultureInfo.InvariantCulture),
                _ => column.FormatCell(i) ?? "",
            };
        }

        return data;
    }
}
