using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Vigil.AutoML;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>
/// Reads an ONNX graph's inputs and outputs into an <see cref="OnnxLayout"/>, checking them against the columns the
/// caller has (the reference data at registration, the data file of a bare <c>vigil predict</c>). Inputs: one float
/// (or double) tensor [N, F] in the order of <c>--features</c>, or one input per column named after it (float,
/// double, int64, string or bool; [N, 1] or [N]). Outputs: a label tensor plus a probability tensor [N, C] or a
/// ZipMap <c>seq(map(int64|string, float))</c>, or a value tensor for regression. Every refusal is one line naming the
/// input or output and what was expected.
/// </summary>
internal static class OnnxSignature
{
    private static readonly TensorElementType[] ColumnElements =
        [TensorElementType.Float, TensorElementType.Double, TensorElementType.Int64, TensorElementType.String, TensorElementType.Bool];

    public static OnnxLayout Read(InferenceSession session, string shownAs, IReadOnlyList<string>? features,
        IReadOnlyDictionary<string, ColumnKind>? columns, string? labelColumn, AutoMLTask task)
    {
        var inputs = session.InputNames.Select(n => (Name: n, Meta: session.InputMetadata[n])).ToArray();
        var layout = features is not null
            ? TensorInput(shownAs, inputs, features, columns, labelColumn)
            : ColumnInputs(shownAs, inputs, columns, labelColumn);
        return Outputs(shownAs, session, layout, task);
    }

    private static OnnxLayout TensorInput(string shownAs, (string Name, NodeMetadata Meta)[] inputs, IReadOnlyList<string> features,
        IReadOnlyDictionary<string, ColumnKind>? columns, string? labelColumn)
    {
        if (inputs.Length != 1)
        {
            throw new ModelInputException(
                $"{shownAs} has {inputs.Length} inputs ({string.Join(", ", inputs.Select(i => i.Name))}), one per column: leave out --features, which orders the columns of a model's one tensor input.");
        }

        var (name, meta) = inputs[0];
        if (!meta.IsTensor || meta.ElementDataType is not (TensorElementType.Float or TensorElementType.Double) || meta.Dimensions.Length != 2)
        {
            throw new ModelInputException($"ONNX input '{name}' of {shownAs} is {Describe(meta)}; with --features Vigil expects one float tensor [N, F].");
        }

        var width = meta.Dimensions[1];
        if (width > 0 && width != features.Count)
        {
            throw new ModelInputException(
                $"ONNX input '{name}' of {shownAs} takes {width} features per row, but --features names {features.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            if (!seen.Add(feature))
            {
                throw new ModelInputException($"Feature '{feature}' appears twice in --features.");
            }

            if (columns is null)
            {
                continue;
            }

            if (feature == labelColumn)
            {
                throw new ModelInputException($"Feature '{feature}' of --features is the label column; the model cannot read the label.");
            }

            if (!columns.TryGetValue(feature, out var kind))
            {
                throw new ModelInputException($"Feature '{feature}' of --features is not a column of the data (columns: {Names(columns)}).");
            }

            if (kind is not (ColumnKind.Numeric or ColumnKind.Boolean))
            {
                throw new ModelInputException(
                    $"Feature '{feature}' is {kind.ToString().ToLowerInvariant()}, but ONNX input '{name}' is a float tensor, which takes numbers only.");
            }
        }

        return new OnnxLayout { Inputs = [new OnnxInput(name, meta.ElementDataType, true, null)], Features = features };
    }

    private static OnnxLayout ColumnInputs(string shownAs, (string Name, NodeMetadata Meta)[] inputs,
        IReadOnlyDictionary<string, ColumnKind>? columns, string? labelColumn)
    {
        var result = new List<OnnxInput>(inputs.Length);
        foreach (var (name, meta) in inputs)
        {
            var known = columns is null || columns.ContainsKey(name);
            if (inputs.Length == 1 && meta.IsTensor && meta.Dimensions.Length == 2 && meta.Dimensions[1] != 1 && !known)
            {
                throw new ModelInputException(
                    $"ONNX input '{name}' of {shownAs} is one tensor {Describe(meta)}: give the column order with --features a,b,c or --features-file FILE.");
            }

            if (!meta.IsTensor || Array.IndexOf(ColumnElements, meta.ElementDataType) < 0)
            {
                throw new ModelInputException(
                    $"ONNX input '{name}' of {shownAs} is {Describe(meta)}; an input per column must be a float, double, int64, string or bool tensor.");
            }

            if (!(meta.Dimensions.Length == 1 || (meta.Dimensions.Length == 2 && meta.Dimensions[1] is 1 or -1)))
            {
                throw new ModelInputException(
                    $"ONNX input '{name}' of {shownAs} has shape {Shape(meta)}; an input per column must be [N, 1] or [N].");
            }

            if (columns is not null)
            {
                if (name == labelColumn)
                {
                    throw new ModelInputException($"ONNX input '{name}' of {shownAs} is the label column; a model cannot read its own label.");
                }

                if (!columns.TryGetValue(name, out var kind))
                {
                    throw new ModelInputException(
                        $"ONNX input '{name}' of {shownAs} is not a column of the data (columns: {Names(columns)}).");
                }

                CheckKind(shownAs, name, meta.ElementDataType, kind);
            }

            result.Add(new OnnxInput(name, meta.ElementDataType, meta.Dimensions.Length == 2, name));
        }

        return new OnnxLayout { Inputs = result };
    }

    private static void CheckKind(string shownAs, string name, TensorElementType element, ColumnKind kind)
    {
        var fits = element switch
        {
            TensorElementType.String => kind is ColumnKind.Categorical or ColumnKind.Numeric or ColumnKind.Boolean,
            // CSV reads true/false as text; the feeder parses it (anything else is refused on the probe rows).
            TensorElementType.Bool => kind is ColumnKind.Boolean or ColumnKind.Numeric or ColumnKind.Categorical,
            _ => kind is ColumnKind.Numeric or ColumnKind.Boolean,
        };
        if (!fits)
        {
            throw new ModelInputException(
                $"ONNX input '{name}' of {shownAs} is {ElementName(element)}, but column '{name}' of the data is {kind.ToString().ToLowerInvariant()}.");
        }
    }

    private static OnnxLayout Outputs(string shownAs, InferenceSession session, OnnxLayout layout, AutoMLTask task)
    {
        string? label = null, probability = null, value = null;
        bool stringLabels = false, zipMap = false;
        int? stated = null;
        foreach (var name in session.OutputNames)
        {
            var meta = session.OutputMetadata[name];
            if (meta.OnnxValueType == OnnxValueType.ONNX_TYPE_SEQUENCE && IsZipMap(meta.AsSequenceMetadata().ElementMeta))
            {
                probability ??= name;
                zipMap = probability == name;
                continue;
            }

            if (!meta.IsTensor)
            {
                continue;
            }

            var column = meta.Dimensions.Length == 1 || (meta.Dimensions.Length == 2 && meta.Dimensions[1] == 1);
            switch (meta.ElementDataType)
            {
                case TensorElementType.Int64 or TensorElementType.String when column:
                    label ??= name;
                    stringLabels = label == name ? meta.ElementDataType == TensorElementType.String : stringLabels;
                    break;
                case TensorElementType.Float or TensorElementType.Double when meta.Dimensions.Length == 2 && meta.Dimensions[1] != 1:
                    if (probability is null)
                    {
                        probability = name;
                        stated = meta.Dimensions[1] > 0 ? meta.Dimensions[1] : null;
                    }

                    break;
                case TensorElementType.Float or TensorElementType.Double when column:
                    value ??= name;
                    break;
            }
        }

        var outputs = string.Join(", ", session.OutputNames.Select(n => $"{n}: {Describe(session.OutputMetadata[n])}"));
        if (task == AutoMLTask.Regression || (task == AutoMLTask.Auto && probability is null))
        {
            return value is not null
                ? layout with { ValueOutput = value }
                : throw new ModelInputException(
                    $"{shownAs} has no output Vigil can read as a regression value (a float tensor [N] or [N, 1]) or as class probabilities (a float tensor [N, C] or a ZipMap); its outputs: {outputs}.");
        }

        if (probability is null)
        {
            throw new ModelInputException(
                $"{shownAs} has no class probability output (a float tensor [N, C] or skl2onnx's ZipMap seq(map(int64|string, float))) for a {task.ToString().ToLowerInvariant()} task; its outputs: {outputs}.");
        }

        if (stated is { } c && task == AutoMLTask.Binary && c != 2)
        {
            throw new ModelInputException($"ONNX output '{probability}' of {shownAs} has {c} class columns; a binary model has 2.");
        }

        return layout with { LabelOutput = label, StringLabels = stringLabels, ProbabilityOutput = probability, ZipMap = zipMap, StatedClasses = stated };
    }

    private static bool IsZipMap(NodeMetadata element) =>
        element.OnnxValueType == OnnxValueType.ONNX_TYPE_MAP
        && element.AsMapMetadata() is { } map
        && map.KeyDataType is TensorElementType.Int64 or TensorElementType.String
        && map.ValueMetadata.ElementDataType is TensorElementType.Float or TensorElementType.Double;

    internal static string Describe(NodeMetadata meta) => meta.OnnxValueType switch
    {
        OnnxValueType.ONNX_TYPE_TENSOR => $"a {ElementName(meta.ElementDataType)} tensor {Shape(meta)}",
        OnnxValueType.ONNX_TYPE_SEQUENCE => "a sequence",
        OnnxValueType.ONNX_TYPE_MAP => "a map",
        _ => meta.OnnxValueType.ToString(),
    };

    private static string Shape(NodeMetadata meta) =>
        "[" + string.Join(", ", meta.Dimensions.Select((d, i) => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : i == 0 ? "N" : "?")) + "]";

    internal static string ElementName(TensorElementType element) => element switch
    {
        TensorElementType.Float => "float",
        TensorElementType.Double => "double",
        TensorElementType.Int64 => "int64",
        TensorElementType.String => "string",
        TensorElementType.Bool => "bool",
        _ => element.ToString().ToLowerInvariant(),
    };

    private static string Names(IReadOnlyDictionary<string, ColumnKind> columns) =>
        columns.Count <= 20 ? string.Join(", ", columns.Keys) : string.Join(", ", columns.Keys.Take(20)) + ", …";
}
