using System.Globalization;
using System.Text;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil train --holdout-rows newest</c> measures the baseline (and fits the estimator) on the file's last rows. The
/// data make the choice visible: the last fifth follows the opposite rule, so a baseline on the newest rows is far
/// worse than one on a sample of all rows.
/// </summary>
public sealed class HoldoutRowsTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public void NewestRows_MeasureTheBaselineOnTheLastFifthOfTheFile_SampleOnAStratifiedSample()
    {
        var random = new Random(5);
        var text = new StringBuilder("x,noise,y\n");
        for (var i = 0; i < 1000; i++)
        {
            var x = random.NextDouble();
            var positive = x > 0.5;
            text.Append(CultureInfo.InvariantCulture, $"{x:0.0000},{random.NextDouble():0.0000},{((i < 800 ? positive : !positive) ? 1 : 0)}\n");
        }

        var data = trained.Write("turning.csv", text.ToString());
        double Accuracy(string rows)
        {
            var (code, stdout, stderr) = CliRunner.Run("train", "--data", data, "--label", "y", "--max-trials", "3", "--time-budget", "0",
                "--holdout-rows", rows, "--model", "t", "-w", trained.PathOf("ws-" + rows + Guid.NewGuid().ToString("N")[..6]));
            Assert.True(code == 0, $"{stdout}\n{stderr}");
            var line = stdout.Split('\n').Single(l => l.Contains("baseline on 200 held-out rows", StringComparison.Ordinal));
            var value = line[(line.IndexOf("accuracy ", StringComparison.Ordinal) + "accuracy ".Length)..].Split(',')[0];
            return double.Parse(value, CultureInfo.InvariantCulture);
        }

        Assert.InRange(Accuracy("newest"), 0, 0.3); // the model learned the first rule; the newest rows follow the other
        Assert.InRange(Accuracy("sample"), 0.6, 1);
        var (bad, _, error) = CliRunner.Run("train", "--data", data, "--label", "y", "--holdout-rows", "latest", "--model", "t", "-w", trained.PathOf("ws-bad"));
        Assert.Equal(2, bad);
        Assert.Contains("latest", error, StringComparison.Ordinal);
    }
}
