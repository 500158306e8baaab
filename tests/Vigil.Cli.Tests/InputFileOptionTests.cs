using System.CommandLine;
using Vigil.Cli.Inputs;
using Vigil.Cli.Outputs;

namespace Vigil.Cli.Tests;

/// <summary>
/// A folder given where a command reads a file is one line naming the option, while the command line is parsed. It
/// used to reach the readers and come back as "Access to the path '/data' is denied." (data files) or
/// "file not found: /data" (model and feature files).
/// </summary>
public sealed class InputFileOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-inputs-").FullName;

    public static TheoryData<string[], string> FolderAsFile() => new()
    {
        { ["drift", "--reference", "DIR", "--current", "FILE"], "--reference" },
        { ["drift", "--reference", "FILE", "--current", "DIR"], "--current" },
        { ["train", "--data", "DIR", "--label", "y", "--out", "OUT"], "--data" },
        { ["evaluate", "--data", "DIR", "--model", "OUT"], "--data" },
        { ["register", "--model", "m", "--onnx", "DIR", "--reference", "FILE", "--label", "y", "--workspace", "WS"], "--onnx" },
        { ["register", "--model", "m", "--mlnet", "DIR", "--reference", "FILE", "--label", "y", "--workspace", "WS"], "--mlnet" },
        { ["register", "--model", "m", "--external", "--reference", "FILE", "--holdout", "DIR", "--label", "y", "--workspace", "WS"], "--holdout" },
        { ["predict", "--model", "FILE", "--data", "FILE", "--features-file", "DIR", "--out", "OUT/p.csv"], "--features-file" },
        { ["check", "--model", "m", "--data", "DIR", "--workspace", "WS"], "--data" },
    };

    [Theory]
    [MemberData(nameof(FolderAsFile))]
    public void AFolderWhereAFileIsRead_IsOneLineNamingTheOption(string[] args, string option)
    {
        var file = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(file, "x,y\n1,a\n");
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "a-folder")).FullName;
        var ws = Path.Combine(_dir, "ws");
        var argv = args.Select(a => a switch
        {
            "DIR" => folder,
            "FILE" => file,
            "WS" => ws,
            "OUT" => _dir,
            _ => a.Replace("OUT", _dir, StringComparison.Ordinal),
        }).ToArray();

        var error = CliRunner.AssertOneLineError(CliRunner.Run(argv));

        Assert.Equal($"error: {option}: {folder} is a folder; give a file.", error);
        Assert.False(Directory.Exists(ws));
    }

    [Fact]
    public void EveryFileOptionACommandReadsIsChecked()
    {
        var checkedOptions = 0;
        foreach (var (path, option) in CommandOptions.All())
        {
            if (option is Option<FileInfo> or Option<FileInfo?> && !OutputOption.IsOutput(option))
            {
                Assert.True(InputFileOption.IsInput(option), $"{path} {option.Name} reads a file but is not checked");
                checkedOptions++;
            }
        }

        Assert.True(checkedOptions >= 15, $"only {checkedOptions} input file options found");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
