using System.Diagnostics.CodeAnalysis;
using Vigil.Data.Csv;
using Vigil.Monitoring.Drift;

namespace Vigil.Cli;

/// <summary>
/// Tells a user's mistake (bad file, bad option value, mismatched schema) from a bug. A user's mistake is printed as
/// one clear line without a stack trace and exits with <see cref="ExitCodes.UsageOrInput"/>.
/// </summary>
internal static class UserErrors
{
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? message)
    {
        message = exception switch
        {
            CsvFormatException e => e.Message,
            Vigil.Data.Files.TableFileException e => e.Message, // Parquet files and unknown file formats
            SchemaMismatchException e => e.Message,
            Vigil.AutoML.AutoMLException e => e.Message,
            Vigil.AutoML.Bundles.BundleFormatException e => e.Message,
            Vigil.Monitoring.Models.ModelKindException e => e.Message,
            Vigil.Monitoring.Shadows.ShadowStateException e => e.Message,
            FileNotFoundException e => e.FileName is null ? e.Message : $"file not found: {e.FileName}",
            DirectoryNotFoundException e => e.Message,
            UnauthorizedAccessException e => e.Message,
            // Environment problems (a full disk, a file another program holds), not bugs; the message names the file.
            IOException e => e.Message,
            ArgumentOutOfRangeException e when e.ParamName is not null => $"invalid setting {e.ParamName}: {FirstLine(e.Message)}",
            _ when IsInputException(exception) => exception.Message,
            _ => null,
        };
        return message is not null;
    }

    // Assemblies mark their user-input exceptions by name so the CLI does not need to know each type.
    private static bool IsInputException(Exception exception) =>
        exception.GetType().Name.EndsWith("InputException", StringComparison.Ordinal);

    private static string FirstLine(string text)
    {
        var i = text.IndexOf('\n', StringComparison.Ordinal);
        return i < 0 ? text : text[..i].TrimEnd();
    }
}
