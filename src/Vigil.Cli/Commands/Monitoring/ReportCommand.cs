using System.CommandLine;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Data.Text;
using Vigil.Monitoring.Reporting;
using Vigil.Rendering;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary><c>vigil report --model NAME --html report.html [--json report.json]</c>: the model's monitoring report.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var html = new Option<FileInfo?>("--html") { Description = "Write the self-contained HTML report here." }.WritesFile();
        var json = new Option<FileInfo?>("--json") { Description = "Write the report data as JSON here (schema: docs/report-schema.md)." }.WritesFile();
        var command = new Command("report", "Write a model's monitoring report (HTML with charts, and/or JSON).") { workspace.Workspace, workspace.Store, model, html, json };
        command.SetAction(parse =>
        {
            var htmlFile = parse.GetValue(html);
            var jsonFile = parse.GetValue(json);
            if (htmlFile is null && jsonFile is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: give --html FILE, --json FILE or both.");
                return ExitCodes.UsageOrInput;
            }

            using var monitor = workspace.OpenExistingMonitor(parse);
            var report = monitor.Report(parse.GetValue(model)!);
            if (htmlFile is not null)
            {
                AtomicFile.WriteAllText(htmlFile.FullName, HtmlReport.Render(report));
                parse.InvocationConfiguration.Output.WriteLine($"HTML report: {htmlFile.FullName}");
            }

            if (jsonFile is not null)
            {
                AtomicFile.WriteAllText(jsonFile.FullName, ReportJson.Serialize(report));
                parse.InvocationConfiguration.Output.WriteLine($"JSON report: {jsonFile.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
