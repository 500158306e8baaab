using Spectre.Console;

namespace Vigil.Cli;

/// <summary>Spectre.Console bound to a given writer: colours only on a real terminal, plain text in files and tests.</summary>
internal static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Files and pipes have no width; wide tables should not wrap at 80 columns.
            console.Profile.Width = 160;
        }

        return console;
    }
}
