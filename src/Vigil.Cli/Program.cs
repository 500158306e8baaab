using System.CommandLine;
using System.CommandLine.Parsing;
using Vigil.Cli.Commands;
using Vigil.Cli.Inputs;
using Vigil.Cli.Outputs;
using Vigil.Data.Text;

namespace Vigil.Cli;

/// <summary>
/// Entry point of the <c>vigil</c> command. Exit codes are documented in <see cref="ExitCodes"/>.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line against the given writers (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRoot();
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (InvalidOperationException e)
        {
            // A validator that reads a value the parser could not convert ("--version abc") throws from inside the
            // parse instead of adding an error; it is still the user's typo, not a crash.
            stderr.WriteLine($"error: {PrintableText.Escape(ArgumentMessages.Readable(e.Message))}");
            stderr.WriteLine("Run 'vigil COMMAND --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {PrintableText.Escape(ArgumentMessages.Readable(error.Message))}");
            }

            // An output that cannot be written, or a folder given as an input file, is not a usage mistake: the usage would not help.
            if (!parse.Errors.All(e => e.SymbolResult is OptionResult o && (OutputOption.IsOutput(o.Option) || InputFileOption.IsInput(o.Option))))
            {
                var command = parse.CommandResult.Command;
                var path = command is RootCommand ? "vigil" : $"vigil {command.Name}";
                stderr.WriteLine($"Run '{path} --help' for usage.");
            }

            return ExitCodes.UsageOrInput;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception ex) when (UserErrors.TryDescribe(ex, out var message))
        {
            stderr.WriteLine($"error: {PrintableText.Escape(message)}");
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            stderr.WriteLine($"internal error: {ex.GetType().Name}: {PrintableText.Escape(ex.Message)}");
            stderr.WriteLine("This is a bug in Vigil; please report it with the command you ran. Details:");
            stderr.WriteLine(ex.ToString());
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The root command with every sub-command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Vigil keeps deployed machine-learning models healthy: drift, performance, retraining.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        InputFileOption.MarkAll(root);
        return root;
    }
}
