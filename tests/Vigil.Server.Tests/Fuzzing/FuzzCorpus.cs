namespace Vigil.Server.Tests.Fuzzing;

/// <summary>The fuzzing corpus as copied beside the tests from bench/fuzz: seeds per target and minimized crash repros.</summary>
internal static class FuzzCorpus
{
    private static readonly string Root = AppContext.BaseDirectory;

    /// <summary>Seed files of one target (bench/fuzz/corpus/TARGET).</summary>
    public static string[] Seeds(string target) => Files(Path.Combine(Root, "fuzz-corpus", target));

    /// <summary>Every seed of every target and every regression repro (bench/fuzz/regressions).</summary>
    public static string[] Everything() =>
        [.. Files(Path.Combine(Root, "fuzz-corpus")), .. Files(Path.Combine(Root, "fuzz-regressions"))];

    /// <summary>Regression repros of one target: files named TARGET-….</summary>
    public static string[] Regressions(string target) =>
        Files(Path.Combine(Root, "fuzz-regressions")).Where(f => Path.GetFileName(f).StartsWith(target + "-", StringComparison.Ordinal)).ToArray();

    private static string[] Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal).ToArray()
            : [];
}
