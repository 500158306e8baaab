using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>
/// An ONNX graph scored by ONNX Runtime on the CPU (<see cref="ModelKind.Onnx"/>). The probability columns map to the
/// label's classes in their sorted order (scikit-learn's <c>classes_</c>), a ZipMap's keys by name; the predicted
/// class is the most probable one (the first on ties, as scikit-learn's <c>predict</c>). One session serves every call
/// (ONNX Runtime runs are thread-safe).
/// </summary>
public sealed class OnnxModel : LoadedModel, IDisposable
{
    /// <summary>Reference rows run through the model when it is bound: enough to exercise every path, few enough to be instant.</summary>
    public const int ProbeRows = 32;

    private readonly InferenceSession _session;
    private readonly OnnxLayout _layout;
    private readonly ClassText _classes;
    private readonly string _shownAs;

    private OnnxModel(InferenceSession session, OnnxLayout layout, LabelMapping labels, IReadOnlyDictionary<string, ColumnKind> inputKinds, string shownAs)
        : base(labels, inputKinds)
    {
        _session = session;
        _layout = layout;
        _classes = new ClassText(labels);
        _shownAs = shownAs;
    }

    public override ModelKind Kind => ModelKind.Onnx;

    /// <summary>Column order of the one tensor input; null when the model takes one input per column.</summary>
    public IReadOnlyList<string>? Features => _layout.Features;

    /// <summary>
    /// Binds an ONNX graph to data: checks its inputs against <paramref name="data"/>'s columns and its outputs against
    /// the label (or, with no label, learns the classes from the model), then runs it on the first rows. Every mismatch
    /// is a <see cref="ModelInputException"/> naming the input or output.
    /// </summary>
    /// <param name="bytes">The .onnx file's content.</param>
    /// <param name="shownAs">How errors name the file.</param>
    /// <param name="data">Rows with the columns the model reads (and the label, when <paramref name="labelColumn"/> is given).</param>
    /// <param name="features">Column order of a one-tensor input (<c>--features</c>); null for one input per column.</param>
    /// <param name="labelColumn">The label column whose values name the classes; null for a bare model (classes from the model).</param>
    /// <param name="task">The task, or Auto (classification when the model gives probabilities).</param>
    /// <param name="classes">The classes in the probability output's column order (<c>--classes</c>), for a tensor
    /// that names none; null takes them from the label's sorted values, the ZipMap's keys or the column count.</param>
    public static OnnxModel Bind(byte[] bytes, string shownAs, Table data, IReadOnlyList<string>? features, string? labelColumn, AutoMLTask task,
        IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(data);
        var session = Open(bytes, shownAs);
        try
        {
            var columns = data.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
            var layout = OnnxSignature.Read(session, shownAs, features, columns, labelColumn, task);
            var probe = data.RowCount <= ProbeRows ? data : data.Slice(0, ProbeRows);
            var labels = classes is not null
                ? OnnxClasses.Given(session, layout, shownAs, probe, classes, labelColumn is null ? null : data[labelColumn], task)
                : labelColumn is null
                    ? Discover(session, layout, shownAs, probe)
                    : LabelsOf(data[labelColumn], layout, task);
            var model = new OnnxModel(session, layout, labels, KindsOf(layout, columns), shownAs);
            model.Verify(probe);
            return model;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Reopens a registered model from what registration recorded (no checks beyond the graph loading).</summary>
    public static OnnxModel Load(byte[] bytes, string shownAs, ModelDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var session = Open(bytes, shownAs);
        try
        {
            var kinds = descriptor.InputKinds();
            var layout = OnnxSignature.Read(session, shownAs, descriptor.Features, kinds, descriptor.LabelColumn, descriptor.Task);
            var labels = new LabelMapping(descriptor.LabelColumn, descriptor.Task, descriptor.Classes);
            return new OnnxModel(session, layout, labels, kinds, shownAs);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public override Predictions Predict(Table rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.RowCount == 0)
        {
            return new Predictions(Task, 0, Task == AutoMLTask.Regression ? 0 : Labels.ClassCount, []);
        }

        return Run(rows).Predictions;
    }

    private (Predictions Predictions, int[]? Labelled, double[] Raw) Run(Table rows)
    {
        var feeds = OnnxFeeds.Build(_layout, rows);
        try
        {
            using var results = _session.Run(feeds, _layout.Outputs);
            return Read(results, rows.RowCount);
        }
        catch (OnnxRuntimeException e)
        {
            throw new AutoMLException(AutoMLErrorCode.SchemaMismatch, $"{_shownAs} failed on the rows: {OneLine(e.Message)}");
        }
    }

    public void Dispose() => _session.Dispose();

    private static InferenceSession Open(byte[] bytes, string shownAs)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // Worker threads that spin between runs would take a core from ingestion on a small server.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            return new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelInputException($"{shownAs} is not an ONNX model ONNX Runtime can load: {OneLine(e.Message)}");
        }
        finally
        {
            options.Dispose();
        }
    }

    // The label's classes in sorted order; a classifier's label is always classes (two of them make it binary).
    private static LabelMapping LabelsOf(Column label, OnnxLayout layout, AutoMLTask task)
    {
        if (!layout.IsClassifier)
        {
            return LabelMapping.Create(label, AutoMLTask.Regression);
        }

        var mapping = LabelMapping.Create(label, task == AutoMLTask.Binary ? AutoMLTask.Binary : AutoMLTask.Multiclass);
        return mapping.ClassCount == 2 ? mapping with { Task = AutoMLTask.Binary } : mapping;
    }

    // A bare model: classes from the ZipMap's keys, the label output, or the probability columns' count.
    private static LabelMapping Discover(InferenceSession session, OnnxLayout layout, string shownAs, Table probe)
    {
        if (!layout.IsClassifier)
        {
            return new LabelMapping("prediction", AutoMLTask.Regression, []);
        }

        using var results = session.Run(OnnxFeeds.Build(layout, probe), layout.Outputs);
        var output = results.First(r => r.Name == layout.ProbabilityOutput);
        if (!layout.ZipMap && layout.StringLabels && layout.LabelOutput is { } labelOutput)
        {
            // Text labels beside a bare tensor: the column numbers 0 … C-1 cannot be the classes the label names.
            var example = results.First(r => r.Name == labelOutput).AsTensor<string>().FirstOrDefault();
            throw new ModelInputException(
                $"ONNX output '{layout.ProbabilityOutput}' of {shownAs} is a plain tensor of {OnnxReadouts.Width(output)} columns that names no classes, while its label output '{labelOutput}' gives text (e.g. '{example}'): give the classes in the tensor's column order with --classes a,b,c.");
        }

        var classes = layout.ZipMap
            ? OnnxReadouts.ZipMapKeys(output)
            : Enumerable.Range(0, OnnxReadouts.Width(output)).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToList();
        if (classes.Count < 2)
        {
            throw new ModelInputException($"ONNX output '{layout.ProbabilityOutput}' of {shownAs} gives {classes.Count} class; a classifier gives at least two.");
        }

        return new LabelMapping("label", classes.Count == 2 ? AutoMLTask.Binary : AutoMLTask.Multiclass, classes);
    }

    private static IReadOnlyDictionary<string, ColumnKind> KindsOf(OnnxLayout layout, IReadOnlyDictionary<string, ColumnKind> columns)
    {
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var name in layout.Features ?? layout.Inputs.Select(i => i.Column!).ToArray())
        {
            var input = layout.Features is null ? layout.Inputs.First(i => i.Column == name) : layout.Inputs[0];
            columns.TryGetValue(name, out var kind);
            kinds[name] = input.Element switch
            {
                TensorElementType.String => ColumnKind.Categorical,
                TensorElementType.Bool when kind is ColumnKind.Boolean or ColumnKind.Categorical => kind,
                _ when kind == ColumnKind.Boolean => ColumnKind.Boolean,
                _ => ColumnKind.Numeric,
            };
        }

        return kinds;
    }

    // Runs the probe rows and checks the outputs against the classes: every ZipMap key and label a known class, the
    // probability columns as many as the classes, and the label output agreeing with the largest probability on most
    // rows. (Not on every row: ONNX Runtime's binary tree ensembles can label a row against its own probabilities, and
    // scikit-learn's predict is the argmax, which is what Vigil uses.) A label that mostly disagrees means the
    // probability columns are in another order than the label's sorted values.
    private void Verify(Table probe)
    {
        Predictions predictions;
        int[]? labelled;
        double[] raw;
        try
        {
            (predictions, labelled, raw) = Run(probe);
        }
        catch (AutoMLException e)
        {
            throw new ModelInputException($"{_shownAs} cannot score the first {probe.RowCount} rows of the data: {e.Message}");
        }

        // What every later check trusts: a value that is a number, and probabilities that are probabilities (not
        // logits or decision scores, which would register and then give meaningless baselines and estimates).
        var output = Task == AutoMLTask.Regression ? _layout.ValueOutput! : _layout.ProbabilityOutput!;
        OnnxReadouts.CheckScores(raw, Task == AutoMLTask.Regression ? 1 : Labels.ClassCount, Task != AutoMLTask.Regression, output, _shownAs);
        if (Task == AutoMLTask.Regression || labelled is null)
        {
            return;
        }

        var decided = predictions.DecidedClasses!;
        int compared = 0, agreed = 0, first = -1;
        for (var i = 0; i < predictions.Rows; i++)
        {
            if (!HasOneLargest(predictions, i))
            {
                continue;
            }

            compared++;
            agreed += labelled[i] == decided[i] ? 1 : 0;
            first = first < 0 && labelled[i] != decided[i] ? i : first;
        }

        if (compared > 0 && agreed * 2 < compared)
        {
            throw new ModelInputException(
                $"ONNX output '{_layout.LabelOutput}' of {_shownAs} disagrees with output '{_layout.ProbabilityOutput}' on {compared - agreed} of {compared} data rows (row {first + 1}: '{Labels.Classes[labelled[first]]}' where the largest probability is class '{Labels.Classes[decided[first]]}'): its probability columns do not follow the label's sorted values ({string.Join(", ", Labels.Classes)}).");
        }
    }

    private bool HasOneLargest(Predictions predictions, int row)
    {
        if (Task == AutoMLTask.Binary)
        {
            return predictions.Values[row] != 0.5;
        }

        var k = Labels.ClassCount;
        var span = predictions.Values.AsSpan(row * k, k);
        var max = double.MinValue;
        var count = 0;
        foreach (var v in span)
        {
            if (v > max)
            {
                (max, count) = (v, 1);
            }
            else if (v == max)
            {
                count++;
            }
        }

        return count == 1;
    }

    // The probabilities in class order, the argmax as the decided class (the first on ties, as scikit-learn's predict),
    // and the label output's classes when the model has one.
    private (Predictions, int[]?, double[] Raw) Read(IReadOnlyCollection<DisposableNamedOnnxValue> results, int rows)
    {
        if (Task == AutoMLTask.Regression)
        {
            var value = OnnxReadouts.Values(Output(results, _layout.ValueOutput), rows, _shownAs);
            return (new Predictions(Task, rows, 0, value), null, value);
        }

        var k = Labels.ClassCount;
        var output = Output(results, _layout.ProbabilityOutput);
        var probabilities = _layout.ZipMap
            ? OnnxReadouts.FromZipMap(output, rows, _classes, k, _layout.ProbabilityOutput!, _shownAs)
            : OnnxReadouts.FromTensor(output, rows, k, _layout.ProbabilityOutput!, _shownAs);
        var decided = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                best = probabilities[(i * k) + c] > probabilities[(i * k) + best] ? c : best;
            }

            decided[i] = best;
        }

        int[]? labelled = null;
        if (_layout.LabelOutput is { } labelOutput)
        {
            labelled = OnnxReadouts.Labels(Output(results, labelOutput), rows, _classes, _layout.StringLabels, labelOutput, _shownAs, Labels.Classes);
        }

        var values = probabilities;
        if (Task == AutoMLTask.Binary)
        {
            values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = probabilities[(i * 2) + 1];
            }
        }

        return (new Predictions(Task, rows, k, values) { DecidedClasses = decided }, labelled, probabilities);
    }

    // The output called name (a loop, not LINQ with a closure: this runs for every /predict).
    private static DisposableNamedOnnxValue Output(IReadOnlyCollection<DisposableNamedOnnxValue> results, string? name)
    {
        foreach (var result in results)
        {
            if (result.Name == name)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"The model gave no output '{name}'.");
    }

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
