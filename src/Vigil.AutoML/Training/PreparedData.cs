using Vigil.AutoML.Featurization;

namespace Vigil.AutoML.Training;

/// <summary>Training rows encoded once in both featurization modes, with encoded labels.</summary>
internal sealed class PreparedData
{
    private readonly Lazy<float[][]> _imputed;

    public PreparedData(Featurizer featurizer, LabelMapping labels, Func<bool, float[][]> encode, int[]? classes, double[]? targets, int rows)
    {
        Featurizer = featurizer;
        Labels = labels;
        Native = encode(false);
        _imputed = new Lazy<float[][]>(() => encode(true));
        Classes = classes;
        Targets = targets;
        Rows = rows;
    }

    public Featurizer Featurizer { get; }

    public LabelMapping Labels { get; }

    public AutoMLTask Task => Labels.Task;

    public int ClassCount => Labels.ClassCount;

    public float[][] Native { get; }

    public float[][] Imputed => _imputed.Value;

    public int[]? Classes { get; }

    public double[]? Targets { get; }

    public int Rows { get; }

    public float[][] Matrix(bool impute) => impute ? Imputed : Native;

    public int Width(bool impute) => Featurizer.Width(impute);
}
