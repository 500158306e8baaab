using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>Every sub-command of <c>vigil</c>, in the order <c>--help</c> lists them. Add a new command here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Demo.DemoCommand.Create();
        yield return TrainCommand.Create();
        yield return EvaluateCommand.Create();
        yield return PredictCommand.Create();
        yield return RegisterCommand.Create();
        yield return DriftCommand.Create();
        yield return Monitoring.CheckCommand.Create();
        yield return Monitoring.RetrainCommand.Create();
        yield return Monitoring.ModelsCommand.Create();
        yield return Monitoring.ReportCommand.Create();
        yield return Monitoring.ExportCommand.Create();
        yield return ServeCommand.Create();
        yield return MigrateCommand.Create();
        yield return Alerts.AlertsCommand.Create();
        yield return Replay.ReplayCommand.Create();
    }
}
