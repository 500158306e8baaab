using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Bundles;

/// <summary>An ML.NET model with the context that owns it (contexts are not thread-safe; calls lock on it).</summary>
internal sealed class MlNetModel(MLContext context, ITransformer model) : MemberModel
{
    public const string FormatName = "mlnet";

    /// <summary>Up to this many rows are scored one by one through a cached prediction engine; more go through a
    /// data view, whose per-call setup is then small beside the work.</summary>
    private const int RowScorerLimit = 64;

    private RowScorer? _scorer;

    public MLContext Context { get; } = context;

    public ITransformer Model { get; } = model;

    public override string Format => FormatName;

    public override string FileName(int index) => index == 0 ? "model.zip" : $"model-{index}.zip";

    public override Predictions Score(float[][] rows, AutoMLTask task, int classCount, int width)
    {
        lock (Context)
        {
            if (rows.Length <= RowScorerLimit)
            {
                _scorer ??= RowScorer.Create(this, task, classCount, width);
                return _scorer.Score(rows);
            }

            var view = DataViews.Create(Context, task, rows, null, null, classCount, width);
            return ScoreReader.Read(Model.Transform(view), task, classCount, rows.Length);
        }
    }

    public override void Save(string path, AutoMLTask task, int classCount, int width)
    {
        lock (Context)
        {
            var schema = DataViews.Create(Context, task, [], null, null, classCount, width).Schema;
            Context.Model.Save(Model, schema, path);
        }
    }

    /// <summary>Reads an ML.NET model zip from an open stream (see <see cref="BundleFile.OpenRead"/>).</summary>
    public static MlNetModel Load(Stream stream)
    {
        var ml = new MLContext(0);
        // Bundles of format version 1 hold LightGBM members as ML.NET models; ML.NET finds their loader only in an
        // assembly it knows, and nothing else loads Microsoft.ML.LightGbm any more.
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        return new MlNetModel(ml, ml.Model.Load(stream, out _));
    }
}
