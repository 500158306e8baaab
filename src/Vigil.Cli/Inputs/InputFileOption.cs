using System.CommandLine;
using System.CommandLine.Parsing;
using Vigil.Cli.Outputs;

namespace Vigil.Cli.Inputs;

/// <summary>
/// Every file option a command reads (each <c>Option&lt;FileInfo&gt;</c> that is not an output) refuses a folder while
/// the command line is parsed: "--reference: /data is a folder; give a file." Before, a folder reached the readers
/// and came back as "Access to the path '/data' is denied." or "file not found: /data". Applied to the whole command
/// tree by <see cref="Program.BuildRoot"/>, so a new command's file options get it without anyone remembering.
/// </summary>
internal static class InputFileOption
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, object> Inputs = [];

    /// <summary>Marks every file option under <paramref name="command"/> that is not an output.</summary>
    public static void MarkAll(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            if (option is Option<FileInfo> or Option<FileInfo?> && !OutputOption.IsOutput(option) && !Inputs.TryGetValue(option, out _))
            {
                option.Validators.Add(Check);
                Inputs.AddOrUpdate(option, option);
            }
        }

        foreach (var sub in command.Subcommands)
        {
            MarkAll(sub);
        }
    }

    /// <summary>Whether <paramref name="option"/> is a checked input file option.</summary>
    public static bool IsInput(Option option) => Inputs.TryGetValue(option, out _);

    private static void Check(OptionResult result)
    {
        if (result.Tokens.Count > 0 && result.Tokens[0].Value is { Length: > 0 } given && Directory.Exists(given))
        {
            result.AddError($"{result.Option.Name}: {given} is a folder; give a file.");
        }
    }
}
