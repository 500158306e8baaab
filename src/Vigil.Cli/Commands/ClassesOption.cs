using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>--classes a,b,c</c>: the classes of an ONNX classifier in its probability tensor's column order, for a tensor
/// that names none (a ZipMap names them itself; a registered model or a bundle knows them).
/// </summary>
internal static class ClassesOption
{
    public static Option<string?> Create() => new("--classes")
    {
        Description = "The ONNX model's classes in its probability tensor's column order, comma-separated (when the tensor names none, e.g. text labels beside a plain [N, C] tensor).",
    };

    /// <summary>The classes given, or null.</summary>
    public static IReadOnlyList<string>? Read(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? text.Split(',', StringSplitOptions.TrimEntries) : null;
}
