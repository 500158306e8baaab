using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil drift --multivariate</c>: a correlation change no column shows, its exit code, table and JSON.</summary>
public sealed class MultivariateDriftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-mv-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // a and b standard normal with correlation rho; c independent; kind a category independent of the rest.
    private string Csv(string name, int rows, double rho, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("a,b,c,kind\n");
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var i = 0; i < rows; i++)
        {
            var a = Normal();
            var b = (rho * a) + (Math.Sqrt(1 - (rho * rho)) * Normal());
            text.Append(CultureInfo.InvariantCulture, $"{a:R},{b:R},{Normal():R},{(random.Next(2) == 0 ? "x" : "y")}\n");
        }

        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void ACorrelationChangeExitsOneOnlyWithMultivariate()
    {
        var reference = Csv("r.csv", 3000, 0.9, 1);
        var current = Csv("c.csv", 1500, 0.0, 2);

        var columnsOnly = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(0, columnsOnly.ExitCode);
        Assert.DoesNotContain("Multivariate", columnsOnly.Stdout, StringComparison.Ordinal);

        var json = Path.Combine(_dir, "out.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current, "--multivariate", "--json", json);
        Assert.True(code == 1, stdout + stderr);
        Assert.Contains("no dataset drift", stdout, StringComparison.Ordinal); // the column share alone
        Assert.Contains("Multivariate drift", stdout, StringComparison.Ordinal);
        Assert.Contains("domain classifier", stdout, StringComparison.Ordinal);
        Assert.Contains("PCA reconstruction", stdout, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.False(root.GetProperty("dataset_drift").GetBoolean());   // unchanged meaning: the column share
        Assert.True(root.TryGetProperty("columns", out _));
        var mv = root.GetProperty("multivariate");
        Assert.True(mv.GetProperty("dataset_drift").GetBoolean());
        var classifier = mv.GetProperty("domain_classifier");
        Assert.True(classifier.GetProperty("ran").GetBoolean());
        Assert.True(classifier.GetProperty("auc").GetDouble() > 0.6);
        Assert.True(classifier.GetProperty("p_value").GetDouble() < 0.05);
        Assert.Equal(3000, classifier.GetProperty("n_reference").GetInt32());
        var top = classifier.GetProperty("top_features").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Take(2).Order().ToArray();
        Assert.Equal(new[] { "a", "b" }, top);
        var pca = mv.GetProperty("reconstruction");
        Assert.True(pca.GetProperty("drifted").GetBoolean());
        Assert.True(pca.GetProperty("error").GetDouble() > pca.GetProperty("upper").GetDouble());
        Assert.Equal(new[] { "a", "b", "c", "kind" }, mv.GetProperty("features").EnumerateArray().Select(f => f.GetString()).ToArray());
    }

    [Fact]
    public void WithoutTheOptionTheJsonHasNoMultivariateObject()
    {
        var reference = Csv("r.csv", 300, 0.5, 3);
        var json = Path.Combine(_dir, "out.json");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", reference, "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.False(doc.RootElement.TryGetProperty("multivariate", out _));
    }

    [Fact]
    public void TooFewRowsAreReportedNotRunAndDoNotAlarm()
    {
        // The same 60 rows on both sides: no column drifts, and neither method has its 100 rows.
        var reference = Csv("r.csv", 60, 0.9, 4);
        var json = Path.Combine(_dir, "out.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", reference, "-c", reference, "--multivariate", "--json", json);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("not run", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var classifier = doc.RootElement.GetProperty("multivariate").GetProperty("domain_classifier");
        Assert.False(classifier.GetProperty("ran").GetBoolean());
        Assert.Contains("at least 100 rows", classifier.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(classifier.TryGetProperty("auc", out _));
    }
}
