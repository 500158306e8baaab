namespace Vigil.Cli.Tests.Support;

/// <summary>
/// A workspace with model <c>m</c> trained once per test class (three AutoML trials, about a second) and its
/// bundle in <c>bundle/</c>. Tests that change the workspace work on a <see cref="Copy"/>.
/// </summary>
public sealed class TrainedWorkspace : TempFolder
{
    public TrainedWorkspace()
    {
        TrainCsv = Write("train.csv", CliData.Rows(200, seed: 1));
        Workspace = PathOf("ws");
        Bundle = PathOf("bundle");
        var (code, stdout, stderr) = CliRunner.Run("train", "--data", TrainCsv, "--label", "y", "--max-trials", "3", "--time-budget", "0",
            "--model", "m", "--out", Bundle, "-w", Workspace);
        if (code != 0)
        {
            throw new InvalidOperationException($"training the shared model failed ({code}):\n{stdout}\n{stderr}");
        }
    }

    public string TrainCsv { get; }

    public string Workspace { get; }

    public string Bundle { get; }

    /// <summary>A copy of the workspace (database and model folders) that a test may change.</summary>
    public string Copy()
    {
        var target = PathOf("ws-" + Guid.NewGuid().ToString("N")[..8]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        CopyTree(Workspace, target);
        return target;
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
