namespace Vigil.Monitoring.Models.Onnx;

/// <summary>How an ONNX graph's inputs and outputs map to table columns and to Vigil's predictions.</summary>
internal sealed record OnnxLayout
{
    /// <summary>The inputs in the graph's order.</summary>
    public required IReadOnlyList<OnnxInput> Inputs { get; init; }

    /// <summary>Column order of the one tensor input; null for one input per column.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The label output ([N] int64 or string), or null.</summary>
    public string? LabelOutput { get; init; }

    /// <summary>True when the label output holds strings (else int64).</summary>
    public bool StringLabels { get; init; }

    /// <summary>The probability output (a [N, C] float tensor or a ZipMap sequence of maps), or null for regression.</summary>
    public string? ProbabilityOutput { get; init; }

    /// <summary>True when <see cref="ProbabilityOutput"/> is skl2onnx's ZipMap <c>seq(map(int64|string, float))</c>.</summary>
    public bool ZipMap { get; init; }

    /// <summary>The regression value output ([N] or [N, 1] float), or null for classification.</summary>
    public string? ValueOutput { get; init; }

    /// <summary>The probability tensor's class count when the graph states it; null when dynamic or a ZipMap.</summary>
    public int? StatedClasses { get; init; }

    public bool IsClassifier => ProbabilityOutput is not null;

    /// <summary>The outputs a run asks for.</summary>
    public IReadOnlyList<string> Outputs =>
        new[] { LabelOutput, ProbabilityOutput, ValueOutput }.Where(o => o is not null).Select(o => o!).ToArray();
}
