using Microsoft.ML;
using Microsoft.ML.Data;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.MlNet;

/// <summary>
/// An ML.NET pipeline saved with <c>MLContext.Model.Save</c> (<see cref="ModelKind.MlNet"/>). Its input schema (saved
/// with it) says which columns it reads and as what; its outputs say the task: binary (<c>PredictedLabel</c>,
/// <c>Score</c>, <c>Probability</c>), multiclass (<c>Score</c> vector whose slot names are the label's classes) or
/// regression (<c>Score</c>). ML.NET contexts are not thread-safe, so calls lock on the model.
/// </summary>
public sealed class MlNetPipeline : LoadedModel
{
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly IReadOnlyList<(string Name, DataViewType Type)> _inputs;
    private readonly int[]? _slotToClass;
    private readonly string _shownAs;

    private MlNetPipeline(MLContext context, ITransformer model, IReadOnlyList<(string, DataViewType)> inputs, IReadOnlyList<string>? features,
        LabelMapping labels, IReadOnlyDictionary<string, ColumnKind> kinds, int[]? slotToClass, string shownAs)
        : base(labels, kinds)
    {
        _context = context;
        _model = model;
        _inputs = inputs;
        Features = features;
        _slotToClass = slotToClass;
        _shownAs = shownAs;
    }

    public override ModelKind Kind => ModelKind.MlNet;

    /// <summary>Column order of a Single vector input (<c>--features</c>); null when the pipeline reads named columns.</summary>
    public IReadOnlyList<string>? Features { get; }

    /// <summary>Loads the pipeline, checks its inputs against <paramref name="data"/> and its outputs against the label, and scores the first rows.</summary>
    public static MlNetPipeline Bind(byte[] bytes, string shownAs, Table data, IReadOnlyList<string>? features, string? labelColumn, AutoMLTask task)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (context, model, schema) = Open(new MemoryStream(bytes), shownAs);
        var inputs = Inputs(schema, shownAs, data, features, labelColumn);
        var output = OutputSchema(model, inputs, shownAs);
        var modelTask = TaskOf(output, shownAs);
        if (task != AutoMLTask.Auto && task != modelTask)
        {
            throw new ModelInputException($"{shownAs} is a {Name(modelTask)} model (from its outputs), not {Name(task)}.");
        }

        var labels = labelColumn is null ? Discover(output, modelTask) : LabelMapping.Create(data[labelColumn], modelTask);
        var slots = modelTask == AutoMLTask.Multiclass ? SlotClasses(output, labels, shownAs) : null;
        var kinds = Kinds(inputs, features, data, labelColumn);
        var pipeline = new MlNetPipeline(context, model, inputs, features, labels, kinds, slots, shownAs);
        var probe = data.RowCount <= Onnx.OnnxModel.ProbeRows ? data : data.Slice(0, Onnx.OnnxModel.ProbeRows);
        try
        {
            pipeline.Predict(probe);
        }
        catch (AutoMLException e)
        {
            throw new ModelInputException($"{shownAs} cannot score the first {probe.RowCount} rows of the data: {e.Message}");
        }

        return pipeline;
    }

    /// <summary>Reopens a registered pipeline from what registration recorded.</summary>
    public static MlNetPipeline Load(Stream stream, string shownAs, ModelDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var (context, model, schema) = Open(stream, shownAs);
        var kinds = descriptor.InputKinds();
        var inputs = schema.Where(c => !c.IsHidden && (kinds.ContainsKey(c.Name) || IsLabel(c.Name, descriptor.LabelColumn) || c.Type is VectorDataViewType))
            .Select(c => (c.Name, c.Type)).ToArray();
        var labels = new LabelMapping(descriptor.LabelColumn, descriptor.Task, descriptor.Classes);
        var slots = descriptor.Task == AutoMLTask.Multiclass ? SlotClasses(OutputSchema(model, inputs, shownAs), labels, shownAs) : null;
        return new MlNetPipeline(context, model, inputs, descriptor.Features, labels, descriptor.InputKinds(), slots, shownAs);
    }

    public override Predictions Predict(Table rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = _inputs.Select(i => (i.Name, i.Type, Cell(rows, i.Name, i.Type))).ToArray();
        var view = new TableDataView(rows, columns);
        lock (_context)
        {
            try
            {
                var scored = _model.Transform(view);
                return Read(scored, rows.RowCount);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
            {
                throw new AutoMLException(AutoMLErrorCode.SchemaMismatch, $"{_shownAs} failed on the rows: {Onnx.OnnxModel.OneLine(e.Message)}");
            }
        }
    }

    private Func<int, object> Cell(Table rows, string name, DataViewType type)
    {
        if (type is VectorDataViewType && Features is { } features)
        {
            return TableDataView.Vector(features.Select(f => Require(rows, f)).ToArray());
        }

        // The label a pipeline was saved with is part of its input schema; a key mapping of it may still read it.
        if (!rows.Contains(name) && IsLabel(name, Labels.LabelColumn))
        {
            return type is TextDataViewType ? _ => ReadOnlyMemory<char>.Empty
                : type is BooleanDataViewType ? _ => false
                : type.RawType == typeof(double) ? _ => double.NaN
                : type.RawType == typeof(float) ? _ => float.NaN
                : type.RawType == typeof(long) ? _ => 0L
                : type.RawType == typeof(uint) ? _ => 0u
                : _ => 0;
        }

        return TableDataView.Cell(Require(rows, name), type);
    }

    private static Column Require(Table rows, string name) =>
        rows.TryGetColumn(name, out var c) ? c : throw new AutoMLException(AutoMLErrorCode.SchemaMismatch, $"Column '{name}' (an input of the ML.NET model) is not in the data.");

    private Predictions Read(IDataView scored, int rows)
    {
        switch (Task)
        {
            case AutoMLTask.Binary:
                var probability = scored.Schema.GetColumnOrNull("Probability") is not null;
                var values = scored.GetColumn<float>(probability ? "Probability" : "Score")
                    .Select(v => probability ? Math.Clamp(float.IsNaN(v) ? 0.5 : v, 0.0, 1.0) : 1.0 / (1.0 + Math.Exp(-v))).ToArray();
                var decided = scored.Schema.GetColumnOrNull("PredictedLabel") is { Type: BooleanDataViewType }
                    ? scored.GetColumn<bool>("PredictedLabel").Select(b => b ? 1 : 0).ToArray()
                    : null;
                return new Predictions(Task, rows, 2, values) { DecidedClasses = decided };
            case AutoMLTask.Multiclass:
                var k = Labels.ClassCount;
                var result = new double[rows * k];
                var r = 0;
                foreach (var score in scored.GetColumn<float[]>("Score"))
                {
                    var sum = 0.0;
                    for (var s = 0; s < score.Length && s < _slotToClass!.Length; s++)
                    {
                        var p = float.IsNaN(score[s]) ? 0 : Math.Max(0, score[s]);
                        result[(r * k) + _slotToClass[s]] = p;
                        sum += p;
                    }

                    for (var c = 0; c < k; c++)
                    {
                        result[(r * k) + c] = sum > 0 ? result[(r * k) + c] / sum : 1.0 / k;
                    }

                    r++;
                }

                return new Predictions(Task, rows, k, result);
            default:
                return new Predictions(Task, rows, 0, scored.GetColumn<float>("Score").Select(v => (double)v).ToArray());
        }
    }

    private static (MLContext, ITransformer, DataViewSchema) Open(Stream stream, string shownAs)
    {
        var context = new MLContext(0);
        context.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryModelParameters).Assembly);
        context.ComponentCatalog.RegisterAssembly(typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters).Assembly);
        try
        {
            var model = context.Model.Load(stream, out var schema);
            return schema is null
                ? throw new ModelInputException($"{shownAs} was saved without its input schema; save it with MLContext.Model.Save(model, data.Schema, path).")
                : (context, model, schema);
        }
        catch (ModelInputException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelInputException($"{shownAs} is not an ML.NET model (a .zip written by MLContext.Model.Save): {Onnx.OnnxModel.OneLine(e.Message)}");
        }
    }

    private static bool IsLabel(string name, string? labelColumn) => name == labelColumn || name == "Label";

    // The schema the pipeline sees when fed these columns; an input it needs that the data lacks is named.
    private static DataViewSchema OutputSchema(ITransformer model, IReadOnlyList<(string Name, DataViewType Type)> inputs, string shownAs)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, type) in inputs)
        {
            builder.AddColumn(name, type);
        }

        try
        {
            return model.GetOutputSchema(builder.ToSchema());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ModelInputException($"{shownAs} needs an input the data does not have: {Onnx.OnnxModel.OneLine(e.Message)}");
        }
    }

    private static (string, DataViewType)[] Inputs(DataViewSchema schema, string shownAs, Table data, IReadOnlyList<string>? features, string? labelColumn)
    {
        // Columns the pipeline was saved with that the data lacks are left out; OutputSchema then says whether it needs them.
        var inputs = schema.Where(c => !c.IsHidden && (data.Contains(c.Name) || IsLabel(c.Name, labelColumn) || c.Type is VectorDataViewType))
            .Select(c => (c.Name, c.Type)).ToArray();
        var vectors = inputs.Where(i => i.Type is VectorDataViewType).ToArray();
        if (features is not null && vectors.Length != 1)
        {
            throw new ModelInputException($"--features orders the one feature vector of an ML.NET model; the input schema of {shownAs} has {vectors.Length} vector columns.");
        }

        foreach (var (name, type) in inputs)
        {
            if (type is VectorDataViewType vector)
            {
                if (features is null)
                {
                    throw new ModelInputException($"ML.NET input column '{name}' of {shownAs} is a vector; give its column order with --features a,b,c or --features-file FILE.");
                }

                if (vector.ItemType != NumberDataViewType.Single || (vector.Size > 0 && vector.Size != features.Count))
                {
                    throw new ModelInputException($"ML.NET input column '{name}' of {shownAs} is {type}; with --features ({features.Count} columns) Vigil feeds a Single vector of that size.");
                }

                foreach (var feature in features)
                {
                    if (!data.TryGetColumn(feature, out var column) || column.Kind is not (ColumnKind.Numeric or ColumnKind.Boolean))
                    {
                        throw new ModelInputException($"Feature '{feature}' of --features is not a numeric column of the data.");
                    }
                }

                continue;
            }

            if (!data.TryGetColumn(name, out var found) || IsLabel(name, labelColumn))
            {
                continue;
            }

            var fits = type is TextDataViewType || (type is BooleanDataViewType ? found.Kind is ColumnKind.Boolean or ColumnKind.Numeric : found.Kind is ColumnKind.Numeric or ColumnKind.Boolean);
            if (!fits || (type is not (TextDataViewType or BooleanDataViewType) && type.RawType != typeof(float) && type.RawType != typeof(double) && type.RawType != typeof(int) && type.RawType != typeof(long)))
            {
                throw new ModelInputException($"ML.NET input column '{name}' of {shownAs} is {type}, but column '{name}' of the data is {found.Kind.ToString().ToLowerInvariant()}.");
            }
        }

        return inputs;
    }

    private static AutoMLTask TaskOf(DataViewSchema output, string shownAs)
    {
        var score = output.GetColumnOrNull("Score");
        var predicted = output.GetColumnOrNull("PredictedLabel");
        if (score is null)
        {
            throw new ModelInputException($"{shownAs} has no Score output; Vigil reads binary (PredictedLabel, Score, Probability), multiclass (Score vector) and regression (Score) pipelines.");
        }

        return score.Value.Type is VectorDataViewType ? AutoMLTask.Multiclass
            : output.GetColumnOrNull("Probability") is not null || predicted is { Type: BooleanDataViewType } ? AutoMLTask.Binary
            : AutoMLTask.Regression;
    }

    // Which class each Score slot is, by the slot names ML.NET takes from the label's key values.
    private static int[] SlotClasses(DataViewSchema output, LabelMapping labels, string shownAs)
    {
        var score = output["Score"];
        var size = (score.Type as VectorDataViewType)?.Size ?? 0;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        if (score.Annotations.Schema.GetColumnOrNull("SlotNames") is not null)
        {
            score.Annotations.GetValue("SlotNames", ref names);
        }

        var slots = names.DenseValues().Select(m => m.ToString()).ToArray();
        if (slots.Length == 0)
        {
            if (size != labels.ClassCount)
            {
                throw new ModelInputException($"The Score output of {shownAs} has {size} slots and no slot names, but the label has {labels.ClassCount} classes.");
            }

            return Enumerable.Range(0, size).ToArray();
        }

        var classes = new ClassText(labels);
        var map = new int[slots.Length];
        for (var s = 0; s < slots.Length; s++)
        {
            map[s] = classes.IndexOf(slots[s]);
            if (map[s] < 0)
            {
                throw new ModelInputException($"Score slot '{slots[s]}' of {shownAs} is not a class of label '{labels.LabelColumn}' ({string.Join(", ", labels.Classes)}).");
            }
        }

        return map;
    }

    private static IReadOnlyDictionary<string, ColumnKind> Kinds((string Name, DataViewType Type)[] inputs, IReadOnlyList<string>? features, Table data, string? labelColumn)
    {
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var (name, type) in inputs)
        {
            if (type is VectorDataViewType)
            {
                foreach (var f in features!)
                {
                    kinds[f] = data[f].Kind;
                }
            }
            else if (!IsLabel(name, labelColumn) && data.TryGetColumn(name, out var column))
            {
                kinds[name] = type is TextDataViewType ? ColumnKind.Categorical : column.Kind == ColumnKind.Boolean ? ColumnKind.Boolean : ColumnKind.Numeric;
            }
        }

        return kinds;
    }

    // A bare pipeline: a binary model's classes are false and true; a multiclass model's are its Score slot names.
    private static LabelMapping Discover(DataViewSchema output, AutoMLTask task)
    {
        switch (task)
        {
            case AutoMLTask.Binary:
                return new LabelMapping("label", task, ["false", "true"]);
            case AutoMLTask.Multiclass:
                var score = output["Score"];
                var names = default(VBuffer<ReadOnlyMemory<char>>);
                if (score.Annotations.Schema.GetColumnOrNull("SlotNames") is not null)
                {
                    score.Annotations.GetValue("SlotNames", ref names);
                }

                var slots = names.DenseValues().Select(m => m.ToString()).ToList();
                var size = (score.Type as VectorDataViewType)?.Size ?? 0;
                return new LabelMapping("label", task, slots.Count > 0 ? slots : Enumerable.Range(0, size).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
            default:
                return new LabelMapping("prediction", task, []);
        }
    }

    private static string Name(AutoMLTask task) => task.ToString().ToLowerInvariant();
}
