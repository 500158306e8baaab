using Vigil.AutoML.Bundles;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models;

/// <summary>A bundle Vigil trained (<see cref="ModelKind.Vigil"/>), scored by its own featurizer and learners.</summary>
public sealed class BundleModel : LoadedModel
{
    public BundleModel(ModelBundle bundle)
        : base(bundle?.Labels!, bundle!.InputKinds)
    {
        Bundle = bundle;
    }

    public ModelBundle Bundle { get; }

    public override ModelKind Kind => ModelKind.Vigil;

    public override Predictions Predict(Table rows) => Bundle.Predict(rows);
}
