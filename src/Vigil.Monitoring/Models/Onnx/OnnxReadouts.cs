using System.Collections;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>Reads an ONNX run's outputs: probability tensors, ZipMaps, label tensors and regression values.</summary>
internal static class OnnxReadouts
{
    /// <summary>Class probabilities row-major (rows × classes) from a [N, C] tensor whose column j is class j.</summary>
    public static double[] FromTensor(NamedOnnxValue output, int rows, int classes, string name, string shownAs)
    {
        var (data, dims) = Floats(output, name, shownAs);
        var width = dims.Length == 2 ? dims[1] : -1;
        if (dims.Length >= 1 && dims[0] != rows)
        {
            throw new ModelInputException(string.Create(CultureInfo.InvariantCulture,
                $"ONNX output '{name}' of {shownAs} gave {dims[0]} rows of probabilities for {rows} rows; its first dimension must be the batch."));
        }

        if (width != classes)
        {
            throw new ModelInputException(
                $"ONNX output '{name}' of {shownAs} has {width} class columns, but the label has {classes} classes; the probability columns must be the label's classes in sorted order.");
        }

        return data;
    }

    /// <summary>
    /// Refuses scores no check could use: a value that is not finite, and, for <paramref name="probabilities"/>, a
    /// value outside [0, 1] or a row whose classes do not sum to 1 (within 0.01, for float32 rounding) — raw scores or
    /// logits exported instead of the probability output. Names the first row at fault and what it gave.
    /// </summary>
    public static void CheckScores(double[] values, int width, bool probabilities, string name, string shownAs)
    {
        for (var row = 0; row * width < values.Length; row++)
        {
            var span = values.AsSpan(row * width, width);
            var sum = 0.0;
            var bad = false;
            foreach (var v in span)
            {
                bad |= !double.IsFinite(v) || (probabilities && (v < 0 || v > 1));
                sum += v;
            }

            if (bad || (probabilities && Math.Abs(sum - 1) > 0.01))
            {
                var shown = string.Join(", ", span.ToArray().Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
                throw new ModelInputException(probabilities
                    ? string.Create(CultureInfo.InvariantCulture, $"ONNX output '{name}' of {shownAs} does not give class probabilities: data row {row + 1} gets {shown} (each must lie in [0, 1] and a row's must sum to 1); export the model's probability output (a softmax, or predict_proba), not raw scores or logits.")
                    : string.Create(CultureInfo.InvariantCulture, $"ONNX output '{name}' of {shownAs} gives {shown} for data row {row + 1}; a regression value must be a finite number."));
            }
        }
    }

    /// <summary>Class probabilities row-major from a ZipMap, each key put in its class's place.</summary>
    public static double[] FromZipMap(NamedOnnxValue output, int rows, ClassText classes, int classCount, string name, string shownAs)
    {
        var values = new double[rows * classCount];
        var row = 0;
        foreach (var map in Maps(output, name, shownAs))
        {
            if (row >= rows)
            {
                break;
            }

            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture);
                var k = classes.IndexOf(key);
                if (k < 0)
                {
                    throw new ModelInputException(
                        $"ZipMap key '{key}' of ONNX output '{name}' of {shownAs} is not a class of the label; the keys must be the label's values.");
                }

                values[(row * classCount) + k] = Convert.ToDouble(entry.Value, CultureInfo.InvariantCulture);
            }

            row++;
        }

        if (row != rows)
        {
            throw new ModelInputException($"ONNX output '{name}' of {shownAs} gave {row} rows of probabilities for {rows} rows.");
        }

        return values;
    }

    /// <summary>The keys of a ZipMap's first row, in the order the label mapping sorts classes (numbers numerically, text ordinally).</summary>
    public static List<string> ZipMapKeys(NamedOnnxValue output)
    {
        var first = Maps(output, output.Name, "the model").FirstOrDefault();
        var keys = first is null ? [] : first.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).ToList();
        if (keys.All(k => double.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return keys.OrderBy(k => double.Parse(k, CultureInfo.InvariantCulture)).ToList();
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>The class count of a [N, C] probability tensor.</summary>
    public static int Width(NamedOnnxValue output)
    {
        var (_, dims) = Floats(output, output.Name, "the model");
        return dims.Length == 2 ? dims[1] : 0;
    }

    /// <summary>The class index of each row's label output.</summary>
    public static int[] Labels(NamedOnnxValue output, int rows, ClassText classes, bool strings, string name, string shownAs, IReadOnlyList<string> known)
    {
        var result = new int[rows];
        if (strings)
        {
            var texts = output.AsTensor<string>().ToArray();
            for (var i = 0; i < rows; i++)
            {
                result[i] = classes.IndexOf(texts[i]);
                Known(result[i], texts[i], name, shownAs, known);
            }

            return result;
        }

        var numbers = output.AsTensor<long>().ToArray();
        for (var i = 0; i < rows; i++)
        {
            result[i] = classes.IndexOf(numbers[i]);
            Known(result[i], numbers[i].ToString(CultureInfo.InvariantCulture), name, shownAs, known);
        }

        return result;
    }

    /// <summary>Regression values from a [N] or [N, 1] tensor.</summary>
    public static double[] Values(NamedOnnxValue output, int rows, string shownAs)
    {
        var (data, _) = Floats(output, output.Name, shownAs);
        if (data.Length != rows)
        {
            throw new ModelInputException($"ONNX output '{output.Name}' of {shownAs} gave {data.Length} values for {rows} rows.");
        }

        return data;
    }

    private static void Known(int index, string value, string name, string shownAs, IReadOnlyList<string> known)
    {
        if (index < 0)
        {
            throw new ModelInputException(
                $"ONNX output '{name}' of {shownAs} gives '{value}', which is not a class of the label ({string.Join(", ", known)}).");
        }
    }

    private static (double[] Data, int[] Dims) Floats(NamedOnnxValue output, string name, string shownAs)
    {
        switch (output.Value)
        {
            case DenseTensor<float> f:
                {
                    var span = f.Buffer.Span;
                    var data = new double[span.Length];
                    for (var i = 0; i < data.Length; i++)
                    {
                        data[i] = span[i];
                    }

                    return (data, f.Dimensions.ToArray());
                }

            case DenseTensor<double> d:
                return (d.Buffer.ToArray(), d.Dimensions.ToArray());
            case Tensor<float> t:
                return (t.ToArray().Select(v => (double)v).ToArray(), t.Dimensions.ToArray());
            case Tensor<double> t:
                return (t.ToArray(), t.Dimensions.ToArray());
            default:
                throw new ModelInputException($"ONNX output '{name}' of {shownAs} is not a float tensor.");
        }
    }

    private static IEnumerable<IDictionary> Maps(NamedOnnxValue output, string name, string shownAs)
    {
        if (output.Value is not IEnumerable items)
        {
            throw new ModelInputException($"ONNX output '{name}' of {shownAs} is not a sequence of maps.");
        }

        foreach (var item in items)
        {
            yield return item switch
            {
                NamedOnnxValue { Value: IDictionary map } => map,
                IDictionary map => map,
                _ => throw new ModelInputException($"ONNX output '{name}' of {shownAs} holds an element that is not a map."),
            };
        }
    }
}
