using System.CommandLine;

namespace Vigil.Cli.Tests;

/// <summary>Every option of the <c>vigil</c> command tree with the command path that owns it, for audit tests.</summary>
internal static class CommandOptions
{
    /// <summary>Each option of <c>vigil</c> and of every subcommand, with its path (<c>vigil models shadow</c>).</summary>
    public static IEnumerable<(string Path, Option Option)> All() => Of(Program.BuildRoot(), "vigil");

    private static IEnumerable<(string Path, Option Option)> Of(Command command, string path)
    {
        foreach (var option in command.Options)
        {
            yield return (path, option);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var item in Of(sub, $"{path} {sub.Name}"))
            {
                yield return item;
            }
        }
    }
}
