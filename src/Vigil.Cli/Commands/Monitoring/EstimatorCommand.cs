using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil models estimator --model NAME [--version N] (--data FILE | --from-log [--rows N] | --show | --reset)</c>:
/// refits a version's performance estimator (CBPE / DLE) on labelled production rows, stored in the workspace beside
/// the version (its bundle is not touched), shows which estimator the version's checks use, or returns to the
/// bundle's. Exit 0, or 2 when the rows cannot serve (too few labelled rows, unknown labels, no scores) — nothing is
/// stored then.
/// </summary>
internal static class EstimatorCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var version = new Option<int?>("--version") { Description = "Version whose estimator to refit or show; default the champion." };
        var data = new Option<FileInfo?>("--data", "-d") { Description = "CSV or Parquet file of labelled production rows (features and the label; an external model's prediction and score columns)." };
        var fromLog = new Option<bool>("--from-log") { Description = "Refit on the log's most recently labelled rows instead of a file." };
        var rows = new Option<int?>("--rows") { Description = $"With --from-log: how many of the newest labelled rows (default {VigilMonitor.DefaultRefitLogRows:N0})." };
        var show = new Option<bool>("--show") { Description = "Say which estimator the version's checks use (the default action)." };
        var reset = new Option<bool>("--reset") { Description = "Forget the refitted estimator: the version's checks use the one in its bundle again." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the estimator in use (source, method, baselines) as JSON." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("estimator",
            "Refit a version's performance estimator on labelled production rows (--data FILE or --from-log), show which estimator it uses, or --reset to the bundle's.")
        {
            workspace.Workspace, workspace.Store, model, version, data, fromLog, rows, show, reset, json, encoding,
        };
        command.Validators.Add(result =>
        {
            var actions = (result.GetValue(data) is null ? 0 : 1) + (result.GetValue(fromLog) ? 1 : 0) + (result.GetValue(show) ? 1 : 0) + (result.GetValue(reset) ? 1 : 0);
            if (actions > 1)
            {
                result.AddError("Give one of --data FILE, --from-log, --show or --reset.");
            }

            if (result.GetValue(rows) is { } n && (!result.GetValue(fromLog) || n < 1))
            {
                result.AddError(n < 1 ? "--rows must be at least 1." : "--rows goes with --from-log.");
            }
        });
        command.SetAction((parse, cancellation) =>
        {
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var chosen = parse.GetValue(version);
            var output = parse.InvocationConfiguration.Output;
            VersionEstimator estimator;
            if (parse.GetValue(data) is { } file)
            {
                var target = chosen is { } v ? monitor.Workspace.Registry.GetVersion(name, v) : monitor.Champion(name);
                var table = WindowReader.Read(file.FullName, ModelTrainer.LoadProfile(target), CsvInput.Encoding(parse, encoding));
                estimator = monitor.RefitEstimator(name, target.Version, table, file.Name, Environment.UserName, cancellation);
                output.WriteLine($"Refitted the estimator of {name} version {estimator.Version}; its checks use it from now on.");
            }
            else if (parse.GetValue(fromLog))
            {
                estimator = monitor.RefitEstimatorFromLog(name, chosen, parse.GetValue(rows) ?? VigilMonitor.DefaultRefitLogRows, Environment.UserName, cancellation);
                output.WriteLine($"Refitted the estimator of {name} version {estimator.Version}; its checks use it from now on.");
            }
            else if (parse.GetValue(reset))
            {
                estimator = monitor.ResetEstimator(name, chosen);
                output.WriteLine($"Forgot the refitted estimator of {name} version {estimator.Version}, if it had one.");
            }
            else
            {
                estimator = monitor.EstimatorOf(name, chosen);
            }

            foreach (var line in Describe(estimator))
            {
                output.WriteLine(line);
            }

            if (parse.GetValue(json) is { } jsonFile)
            {
                Vigil.Data.Text.AtomicFile.WriteAllText(jsonFile.FullName, MonitoringJson.Serialize(EstimatorSummary.From(estimator)));
                output.WriteLine($"JSON written to {jsonFile.FullName}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Which estimator a version uses, in words: where it comes from, its method, calibration and baselines.</summary>
    public static IEnumerable<string> Describe(VersionEstimator e)
    {
        var summary = EstimatorSummary.From(e);
        yield return e.Source switch
        {
            VersionEstimator.Refitted => $"{e.Model} version {e.Version} uses the estimator refitted on {e.Refit!.Source} ({summary.Method?.ToUpperInvariant()}, fitted {e.Refit.FittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {e.Refit.FittedBy}).",
            VersionEstimator.Bundle => $"{e.Model} version {e.Version} uses the estimator fitted with the version, in its bundle ({summary.Method?.ToUpperInvariant()} on {summary.Rows:N0} labelled rows).",
            _ => $"{e.Model} version {e.Version} has no performance estimator: {e.Why}",
        };
        if (summary.Calibration is { } calibration)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Calibration: {calibration} (cross-validated calibration error {summary.CalibrationError:0.###}).");
        }

        if (summary.Baselines.Count > 0)
        {
            yield return "Baselines of its estimates (realised on the rows it was fitted on): " +
                string.Join(", ", summary.Baselines.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} {b.Value:0.####}"))) + ".";
        }

        if (e.Source == VersionEstimator.Bundle && e.Why is { } why)
        {
            yield return why;
        }
    }
}
