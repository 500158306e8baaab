using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>Every sub-command of <c>vigil</c>, in the order <c>--help</c> lists them. Add a new command here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DriftCommand.Create();
    }
}
