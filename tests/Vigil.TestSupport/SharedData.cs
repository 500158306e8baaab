using Xunit;

namespace Vigil.TestSupport;

/// <summary>
/// Locates the project's shared references (<c>../shared</c> beside the repository: oracles, datasets, bench figures).
/// Tests that need them call <see cref="RequireDirectory"/>, which skips the test (with the reason) when absent,
/// so the suite passes on a machine without <c>../shared</c> and CI, which has it, runs them.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The shared folder, or null when it is not present. <c>VIGIL_SHARED</c> overrides the search.</summary>
    public static string? RootOrNull => Root.Value;

    /// <summary>Repository root (the folder holding Vigil.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Vigil.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Path of <paramref name="relative"/> under shared/, skipping the test when it is absent.</summary>
    public static string RequireDirectory(string relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "../shared is not present on this machine; this test needs the shared oracles/datasets.");
        var path = Path.Combine(root!, relative);
        Skip.IfNot(Directory.Exists(path) || File.Exists(path), $"shared/{relative} is not present on this machine.");
        return path;
    }

    /// <summary>Same as <see cref="RequireDirectory"/> for a file.</summary>
    public static string RequireFile(string relative) => RequireDirectory(relative);

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("VIGIL_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                var beside = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(Path.Combine(beside, "oracles")) ? beside : null;
            }

            if (Directory.Exists(Path.Combine(candidate, "oracles")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return null;
    }
}
