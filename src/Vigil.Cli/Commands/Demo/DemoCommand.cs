using System.CommandLine;
using Vigil.Cli.Outputs;

namespace Vigil.Cli.Commands.Demo;

/// <summary><c>vigil demo</c>: the whole monitoring-and-retraining story on generated data, with no arguments.</summary>
internal static class DemoCommand
{
    private const string Marker = ".vigil-demo";

    public static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--workspace", "-w")
        {
            Description = "Folder for the demo's workspace and report (replaced if it holds an earlier demo).",
            DefaultValueFactory = _ => new DirectoryInfo("vigil-demo"),
        }.WritesFolder();
        var budget = new Option<double>("--time-budget") { Description = "AutoML seconds for the baseline and the retrain.", DefaultValueFactory = _ => 5 }.ChecksTimeBudget();
        budget.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0))
            {
                r.AddError("--time-budget must be a positive number of seconds.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed for the generated data and AutoML.", DefaultValueFactory = _ => 42 };
        var command = new Command("demo", "Run the monitoring and retraining story on generated data and write an HTML report.") { folder, budget, seed };
        command.SetAction((parse, cancellation) =>
        {
            var dir = parse.GetValue(folder)!;
            if (dir.Exists && dir.EnumerateFileSystemInfos().Any())
            {
                if (!File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    parse.InvocationConfiguration.Error.WriteLine($"error: {dir.FullName} exists and is not an earlier demo; choose another folder with --workspace.");
                    return Task.FromResult(ExitCodes.UsageOrInput);
                }

                dir.Delete(recursive: true);
            }

            Directory.CreateDirectory(dir.FullName);
            File.WriteAllText(Path.Combine(dir.FullName, Marker), "Created by 'vigil demo'; the next demo run replaces this folder.\n");
            var seconds = parse.GetValue(budget);
            var story = new DemoStory(Terminal.For(parse.InvocationConfiguration.Output), dir.FullName, TimeSpan.FromSeconds(seconds), parse.GetValue(seed));
            return Task.FromResult(story.Run(cancellation));
        });
        return command;
    }
}
