using Vigil.AutoML.Bundles;
using Vigil.AutoML.Featurization;
using Vigil.Monitoring.Models.Onnx;
using Vigil.Monitoring.Registry;

namespace Vigil.Monitoring.Models;

/// <summary>
/// Loads a registered version as a <see cref="LoadedModel"/> by its kind. Every file is read through
/// <see cref="BundleFile"/>'s guard (inside the version folder, no link, a regular file within its limit).
/// </summary>
public static class ModelLoader
{
    public static LoadedModel Load(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Kind == ModelKind.Vigil)
        {
            return new BundleModel(ModelBundle.Load(version.BundleFolder));
        }

        var shownAs = $"Model '{version.Model}' version {version.Version}";
        var file = VersionFile.Descriptor(version)
            ?? throw new BundleFormatException($"{shownAs} is of kind '{version.Kind.Name()}' but has no {ModelDescriptor.FileName}.");
        var descriptor = ModelDescriptor.Parse(file.ReadAllText(), shownAs);
        if (descriptor.Kind != version.Kind)
        {
            throw new BundleFormatException($"{shownAs} is registered as '{version.Kind.Name()}' but its {ModelDescriptor.FileName} says '{descriptor.Kind.Name()}'.");
        }

        var labels = new LabelMapping(descriptor.LabelColumn, descriptor.Task, descriptor.Classes);
        switch (descriptor.Kind)
        {
            case ModelKind.External:
                return new ExternalModel(labels, descriptor.InputKinds(), descriptor.PredictionColumn, descriptor.ScoreColumns);
            case ModelKind.Onnx:
                return OnnxModel.Load(ReadModelFile(version, descriptor, shownAs), shownAs, descriptor);
            case ModelKind.MlNet:
                using (var stream = VersionFile.ModelFile(version, descriptor.ModelFile ?? "").OpenRead())
                {
                    return MlNet.MlNetPipeline.Load(stream, shownAs, descriptor);
                }

            default:
                throw new BundleFormatException($"{shownAs} has kind '{descriptor.Kind.Name()}', which this Vigil cannot load.");
        }
    }

    private static byte[] ReadModelFile(ModelVersion version, ModelDescriptor descriptor, string shownAs)
    {
        if (string.IsNullOrEmpty(descriptor.ModelFile))
        {
            throw new BundleFormatException($"{shownAs}: {ModelDescriptor.FileName} names no model file.");
        }

        using var stream = VersionFile.ModelFile(version, descriptor.ModelFile).OpenRead();
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
