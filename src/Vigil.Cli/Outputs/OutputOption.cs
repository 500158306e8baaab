using System.CommandLine;
using System.CommandLine.Parsing;

namespace Vigil.Cli.Outputs;

/// <summary>
/// Marks an option as naming something the command writes. The check (<see cref="OutputTarget"/>) runs while the
/// command line is parsed, so a bad output stops the command before any side effect, with exit code 2. Every
/// <c>--out</c>, <c>--json</c>, <c>--html</c>, <c>--workspace</c> and <c>--workdir</c> of every command goes through here.
/// </summary>
internal static class OutputOption
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, object> Outputs = [];

    /// <summary>The option names a file the command writes.</summary>
    public static TOption WritesFile<TOption>(this TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result => Check(result, OutputTarget.FileProblem));
        Outputs.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>
    /// The option names a table file the command writes: a file (<see cref="WritesFile"/>) whose extension says a
    /// format Vigil writes (.csv or .parquet), so a misnamed output stops the command before it does anything.
    /// </summary>
    public static TOption WritesTableFile<TOption>(this TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result => Check(result, given => OutputTarget.FileProblem(given) ?? Vigil.Data.Files.TableFile.WriteProblem(given)));
        Outputs.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>The option names a folder the command writes into (created when missing).</summary>
    public static TOption WritesFolder<TOption>(this TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result => Check(result, OutputTarget.FolderProblem));
        Outputs.AddOrUpdate(option, option);
        return option;
    }

    /// <summary>Whether <paramref name="option"/> was marked with <see cref="WritesFile"/> or <see cref="WritesFolder"/>.</summary>
    public static bool IsOutput(Option option) => Outputs.TryGetValue(option, out _);

    private static void Check(OptionResult result, Func<string, string?> problem)
    {
        // The path as typed (or the default's), so the message names what the user gave.
        var given = result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultPath(result);
        if (given is not null && problem(given) is { } message)
        {
            result.AddError($"{result.Option.Name}: {message}.");
        }
    }

    private static string? DefaultPath(OptionResult result) => result.Option.GetDefaultValue() switch
    {
        FileSystemInfo info => info.ToString(),
        string text => text,
        _ => null,
    };
}
