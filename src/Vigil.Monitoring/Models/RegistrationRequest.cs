using Vigil.AutoML;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models;

/// <summary>
/// A model Vigil did not train, to register with its reference data: an ONNX graph, an ML.NET pipeline, or an
/// external model whose predictions arrive in the log.
/// </summary>
public sealed record RegistrationRequest
{
    /// <summary>Onnx, MlNet or External (bundles Vigil trained are registered by training or by their folder).</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>Path of the .onnx file or the ML.NET .zip; null for an external model.</summary>
    public string? ModelFile { get; init; }

    /// <summary>The data the model was trained on (or a sample of what it sees): the reference of every drift check.</summary>
    public required Table Reference { get; init; }

    /// <summary>The label column of <see cref="Reference"/> (and <see cref="Holdout"/>).</summary>
    public required string Label { get; init; }

    /// <summary>Column order of an ONNX model's one float tensor input (or an ML.NET model's feature vector); null for one input per column.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>
    /// An ONNX classifier's classes in its probability tensor's column order, for a tensor that names none; null takes
    /// them from the label's sorted values (or a ZipMap's keys). Refused for other kinds.
    /// </summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>The column holding the model's predictions; when given, the baseline is measured on it instead of scoring the rows.</summary>
    public string? PredictionColumn { get; init; }

    /// <summary>Columns holding its scores: the positive-class probability (binary), one per class in the label's sorted order or the predicted class's probability (multiclass).</summary>
    public IReadOnlyList<string> ScoreColumns { get; init; } = [];

    /// <summary>The task; Auto takes it from the model (probabilities mean classification) or, for an external model, from the label.</summary>
    public AutoMLTask Task { get; init; } = AutoMLTask.Auto;

    /// <summary>Labelled rows the model never trained on, for the baseline; null measures the baseline on the reference (and says so).</summary>
    public Table? Holdout { get; init; }

    /// <summary>Make the new version champion now (the model's first version always becomes champion).</summary>
    public bool Promote { get; init; }

    /// <summary>How errors name the reference data (a file name).</summary>
    public string ReferenceName { get; init; } = "the reference data";

    /// <summary>How errors name the holdout data.</summary>
    public string HoldoutName { get; init; } = "the holdout data";

    /// <summary>How errors name the model file (default: its file name).</summary>
    public string? ModelFileName { get; init; }

    /// <summary>Recorded with the version: who registered it.</summary>
    public string CreatedBy { get; init; } = "library";

    /// <summary>Recorded with the version: why.</summary>
    public string Reason { get; init; } = "registered";

    /// <summary>Seed of the permutation importance and the baseline's score sample.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Rows of the reference kept in the version folder (training.csv) for later retraining. Default 200,000.</summary>
    public int KeepReferenceRows { get; init; } = 200_000;
}

/// <summary>A registered version with its profile and what registration has to say about it.</summary>
/// <param name="BaselineSource">"holdout", "reference", or null when there is no baseline.</param>
/// <param name="Notes">One line each: where the baseline was measured, why there is no importance, and so on.</param>
public sealed record RegisteredVersion(Registry.ModelVersion Version, Profiles.ReferenceProfile Profile, string? BaselineSource, IReadOnlyList<string> Notes);

/// <summary>A registration checked and computed, ready to be written (see <see cref="ModelRegistration.Publish"/>).</summary>
public sealed record PreparedRegistration(
    string Model,
    RegistrationRequest Request,
    byte[]? ModelBytes,
    ModelDescriptor Descriptor,
    Profiles.ReferenceProfile Profile,
    Vigil.Data.Tables.Table Reference,
    string? BaselineSource,
    IReadOnlyList<string> Notes)
{
    /// <summary>The performance estimator fitted on the baseline's rows, stored with the version; null when none could be.</summary>
    public Estimation.PerformanceEstimator? Estimator { get; init; }
}
