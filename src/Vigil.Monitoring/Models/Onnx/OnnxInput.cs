using Microsoft.ML.OnnxRuntime.Tensors;

namespace Vigil.Monitoring.Models.Onnx;

/// <summary>One input of an ONNX graph as Vigil feeds it: its name, element type, and whether it is [N, 1] or [N].</summary>
/// <param name="Column">The table column it reads (per-column layout), or null for the one tensor of all features.</param>
internal sealed record OnnxInput(string Name, TensorElementType Element, bool TwoDimensional, string? Column);
