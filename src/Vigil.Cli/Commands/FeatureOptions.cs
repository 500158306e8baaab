using System.CommandLine;
using System.CommandLine.Parsing;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>--features a,b,c</c> and <c>--features-file FILE</c>: the column order of a model's one tensor input (an ONNX
/// float tensor [N, F], an ML.NET feature vector). The file holds one column name a line (blank lines ignored), as
/// the <c>*.features.txt</c> files beside exported models do.
/// </summary>
internal static class FeatureOptions
{
    public static Option<string?> List() => new("--features")
    {
        Description = "Column order of the model's one float tensor input, comma-separated (for ONNX models that take [N, F]).",
    };

    public static Option<FileInfo?> File() => new("--features-file")
    {
        Description = "A file with the tensor input's column order, one name a line.",
    };

    public static void Validate(CommandResult result, Option<string?> list, Option<FileInfo?> file)
    {
        if (result.GetValue(list) is not null && result.GetValue(file) is not null)
        {
            result.AddError("Give the feature order with --features or with --features-file, not both.");
        }
    }

    /// <summary>The feature order given, or null.</summary>
    public static IReadOnlyList<string>? Read(ParseResult parse, Option<string?> list, Option<FileInfo?> file)
    {
        if (parse.GetValue(list) is { } text)
        {
            var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return names.Length > 0 ? names : throw new Vigil.Monitoring.Models.ModelInputException("--features names no column.");
        }

        if (parse.GetValue(file) is not { } info)
        {
            return null;
        }

        if (!info.Exists)
        {
            throw new FileNotFoundException($"file not found: {info.FullName}", info.FullName);
        }

        var lines = System.IO.File.ReadAllLines(info.FullName).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.Length > 0 ? lines : throw new Vigil.Monitoring.Models.ModelInputException($"'{info.Name}' names no feature column.");
    }
}
