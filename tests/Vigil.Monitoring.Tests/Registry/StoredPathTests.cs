using Vigil.AutoML.Bundles;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry;

/// <summary>
/// Registration copies only a bundle's own files, and the files a version is read by (profile.json, training.csv)
/// resolve inside its folder: a link anywhere refuses them (issue #20, item 1).
/// </summary>
public sealed class StoredPathTests
{
    [Fact]
    public void ABundleHoldingALinkIsRefusedAndNothingIsRegistered()
    {
        using var temp = new TempWorkspace();
        var source = temp.MakeBundle();
        var secret = Path.Combine(temp.Root, "secret.txt");
        File.WriteAllText(secret, "not for the registry");
        File.CreateSymbolicLink(Path.Combine(source, "extra", "secret.txt"), secret);

        var error = Assert.Throws<WorkspaceInputException>(() => temp.Workspace.Registry.RegisterVersion("m", source, RegistryTestData.Info()));
        Assert.Contains("symbolic link (secret.txt)", error.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Workspace.Registry.ListModels());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(temp.Workspace.ModelsFolder, "m")));
    }

    [Fact]
    public void ALinkedFolderInABundleIsRefused()
    {
        using var temp = new TempWorkspace();
        var source = temp.MakeBundle();
        var outside = Path.Combine(temp.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "data.csv"), "a\n1\n");
        Directory.CreateSymbolicLink(Path.Combine(source, "linked"), outside);

        Assert.Throws<WorkspaceInputException>(() => temp.Workspace.Registry.RegisterVersion("m", source, RegistryTestData.Info()));
        Assert.Empty(temp.Workspace.Registry.ListModels());
    }

    [Fact]
    public void AVersionWhoseProfileWasReplacedByALinkIsNotRead()
    {
        using var temp = new TempWorkspace();
        var version = temp.Workspace.Registry.RegisterVersion("m", temp.MakeBundle(), RegistryTestData.Info(profile: """{"columns":[]}"""));
        var outside = Path.Combine(temp.Root, "profile.json");
        File.Move(version.ProfilePath!, outside);
        File.CreateSymbolicLink(version.ProfilePath!, outside);

        var error = Assert.Throws<BundleFormatException>(() => ModelTrainer.LoadProfile(version));
        Assert.Contains("Model 'm' version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }
}
