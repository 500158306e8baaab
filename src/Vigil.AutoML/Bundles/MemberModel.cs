using Vigil.AutoML.Training;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// One trained model of a bundle, as it scores featurized rows and writes itself: an ML.NET model
/// (<see cref="MlNetModel"/>) or a LightGBM booster scored by LightGBM itself (<see cref="LightGbmModel"/>).
/// </summary>
internal abstract class MemberModel
{
    /// <summary>Storage format written to the manifest, so a loader knows how to read the member's file.</summary>
    public abstract string Format { get; }

    /// <summary>File name of member <paramref name="index"/> in this format.</summary>
    public abstract string FileName(int index);

    /// <summary>Predictions for featurized rows of <paramref name="width"/> floats each.</summary>
    public abstract Predictions Score(float[][] rows, AutoMLTask task, int classCount, int width);

    public abstract void Save(string path, AutoMLTask task, int classCount, int width);
}
