using Microsoft.ML;
using Microsoft.ML.Data;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// Scores a few rows through an ML.NET prediction engine built once per model. Transforming a data view sets the
/// whole pipeline up on every call (about a millisecond, with allocation bursts that show up as tail latency);
/// the engine keeps it set up, so a single row costs microseconds. Not thread-safe: callers lock on the model.
/// </summary>
internal sealed class RowScorer
{
    private readonly AutoMLTask _task;
    private readonly int _classCount;
    private readonly PredictionEngineBase<FeatureRow, ScoreRow> _engine;
    private readonly bool _hasProbability;
    private readonly FeatureRow _input = new();
    private ScoreRow _output = new();

    private RowScorer(AutoMLTask task, int classCount, PredictionEngineBase<FeatureRow, ScoreRow> engine, bool hasProbability)
    {
        _task = task;
        _classCount = classCount;
        _engine = engine;
        _hasProbability = hasProbability;
    }

    public static RowScorer Create(MlNetModel model, AutoMLTask task, int classCount, int width)
    {
        var input = SchemaDefinition.Create(typeof(FeatureRow));
        input[DataViews.Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);

        var inputSchema = model.Context.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), input).Schema;
        var outputSchema = model.Model.GetOutputSchema(inputSchema);
        var output = SchemaDefinition.Create(typeof(ScoreRow));
        var hasProbability = task == AutoMLTask.Binary && outputSchema.GetColumnOrNull("Probability") is not null;
        if (!hasProbability)
        {
            output.Remove(output[nameof(ScoreRow.Probability)]);
        }

        if (task == AutoMLTask.Multiclass)
        {
            output.Remove(output[nameof(ScoreRow.Score)]);
            output[nameof(ScoreRow.Scores)].ColumnType = outputSchema["Score"].Type;
            output[nameof(ScoreRow.Scores)].ColumnName = "Score";
        }
        else
        {
            output.Remove(output[nameof(ScoreRow.Scores)]);
        }

        var engine = model.Context.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(
            model.Model, ignoreMissingColumns: true, inputSchemaDefinition: input, outputSchemaDefinition: output);
        return new RowScorer(task, classCount, engine, hasProbability);
    }

    /// <summary>Same values as the batch path (<see cref="ScoreReader"/>) for the same rows.</summary>
    public Predictions Score(float[][] rows)
    {
        var per = _task == AutoMLTask.Multiclass ? _classCount : 1;
        var values = new double[rows.Length * per];
        for (var i = 0; i < rows.Length; i++)
        {
            _input.Features = rows[i];
            _engine.Predict(_input, ref _output);
            switch (_task)
            {
                case AutoMLTask.Binary:
                    values[i] = _hasProbability ? ScoreReader.Clean(_output.Probability) : 1.0 / (1.0 + Math.Exp(-_output.Score));
                    break;
                case AutoMLTask.Multiclass:
                    ScoreReader.Normalise(_output.Scores, values.AsSpan(i * per, per));
                    break;
                default:
                    values[i] = _output.Score;
                    break;
            }
        }

        return new Predictions(_task, rows.Length, _task == AutoMLTask.Binary ? 2 : _task == AutoMLTask.Multiclass ? _classCount : 0, values);
    }

    internal sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    internal sealed class ScoreRow
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public float[] Scores { get; set; } = [];
    }
}
