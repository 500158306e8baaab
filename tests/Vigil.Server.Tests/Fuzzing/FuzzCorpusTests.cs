using Vigil.Fuzz.Targets;

namespace Vigil.Server.Tests.Fuzzing;

/// <summary>
/// Replays the committed fuzzing corpus (bench/fuzz): every seed and every minimized crash repro through every target.
/// Each gives a value or the target's documented error; a crash AFL++ once found stays fixed.
/// </summary>
public class FuzzCorpusTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("zip")]
    [InlineData("manifest")]
    [InlineData("parquet")]
    public void EveryCorpusFileGivesAValueOrADocumentedError(string name)
    {
        var files = FuzzCorpus.Everything();
        Assert.True(files.Length >= 16, $"only {files.Length} corpus files beside the tests");
        using var target = FuzzTarget.Create(name);
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{name} ({target.DocumentedErrors}) threw otherwise on:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("zip")]
    [InlineData("manifest")]
    [InlineData("parquet")]
    public void EachTargetsSeedsIncludeValidInput(string name)
    {
        // Fuzzing mutates valid inputs into deep paths; a seed set that is all errors only explores the error exits.
        using var target = FuzzTarget.Create(name);
        var seeds = FuzzCorpus.Seeds(name);
        Assert.NotEmpty(seeds);
        Assert.Contains(seeds, seed => target.Run(File.ReadAllBytes(seed)) is null);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("zip")]
    [InlineData("manifest")]
    [InlineData("parquet")]
    public void RegressionReprosAreRefusedWithTheDocumentedError(string name)
    {
        using var target = FuzzTarget.Create(name);
        foreach (var repro in FuzzCorpus.Regressions(name))
        {
            var error = target.Run(File.ReadAllBytes(repro));
            Assert.True(error is not null, $"{Path.GetFileName(repro)} is bad input but gave a value");
        }
    }
}
