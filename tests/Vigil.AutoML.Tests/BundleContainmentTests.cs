using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Vigil.AutoML.Bundles;

namespace Vigil.AutoML.Tests;

/// <summary>
/// A bundle may name only its own files: whatever a manifest says, loading reads nothing outside the bundle folder,
/// through no link, nothing that is not a regular file, and nothing over its size limit (issue #20, item 1).
/// </summary>
public sealed class BundleContainmentTests : IDisposable
{
    private static readonly Lazy<string> Template = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil-containment-template-" + Guid.NewGuid().ToString("N"));
        AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(trials: 1, learners: "lgbm")).Model.Save(path);
        return path;
    });

    private readonly string _root = Directory.CreateTempSubdirectory("vigil-containment-").FullName;
    private readonly string _bundle;

    public BundleContainmentTests()
    {
        _bundle = Path.Combine(_root, "bundles", "b");
        Directory.CreateDirectory(_bundle);
        foreach (var file in Directory.GetFiles(Template.Value))
        {
            File.Copy(file, Path.Combine(_bundle, Path.GetFileName(file)));
        }
    }

    private string MemberFile => Path.Combine(_bundle, "model.lightgbm.txt");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TheUntamperedCopyLoads() => Assert.Equal(["no", "yes"], ModelBundle.Load(_bundle).Labels.Classes);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/dev/zero")]
    [InlineData("../../outside.lightgbm.txt")]
    [InlineData("../b/model.lightgbm.txt")]
    [InlineData("./model.lightgbm.txt")]
    [InlineData("sub//model.lightgbm.txt")]
    [InlineData("")]
    public void AMemberNamedOutsideTheFolderIsRefused(string name)
    {
        // A valid model sits at every outside name that can hold one, so only the containment rule can refuse it.
        File.Copy(MemberFile, Path.Combine(_root, "outside.lightgbm.txt"));
        SetMemberFile(name);
        var error = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle));
        Assert.Contains("not a relative path inside the bundle folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAnswerDoesNotTellAnExistingOutsideFileFromAMissingOne()
    {
        File.Copy(MemberFile, Path.Combine(_root, "exists.lightgbm.txt"));
        SetMemberFile("../../exists.lightgbm.txt");
        var existing = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle)).Message;
        SetMemberFile("../../missing.lightgbm.txt");
        var missing = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle)).Message;
        Assert.Equal(existing.Replace("exists", "X", StringComparison.Ordinal), missing.Replace("missing", "X", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model.lightgbm.txt")]
    [InlineData("featurizer.json")]
    [InlineData("manifest.json")]
    public void AFileThatIsASymbolicLinkIsRefused(string name)
    {
        // The link points at an intact copy of the same file: only the link itself is wrong.
        var target = Path.Combine(_root, "elsewhere-" + name);
        File.Move(Path.Combine(_bundle, name), target);
        File.CreateSymbolicLink(Path.Combine(_bundle, name), target);
        var error = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMemberInsideALinkedFolderIsRefused()
    {
        var outside = Path.Combine(_root, "models");
        Directory.CreateDirectory(outside);
        File.Move(MemberFile, Path.Combine(outside, "model.lightgbm.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_bundle, "linked"), outside);
        SetMemberFile("linked/model.lightgbm.txt");
        var error = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle));
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AFifoNamedAsAMemberIsRefusedWithoutBeingOpened()
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix file type.");
        File.Delete(MemberFile);
        Assert.Equal(0, MakeFifo(MemberFile, Convert.ToUInt32("644", 8)));
        // Opening a FIFO for reading blocks until a writer comes; the load must answer at once instead.
        var load = Task.Run(() => Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle)));
        Assert.True(load.Wait(TimeSpan.FromSeconds(60)), "loading a bundle whose member is a FIFO blocked");
        Assert.Contains("empty or not a regular file", load.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyMemberAndAMemberFolderAreRefused()
    {
        File.WriteAllBytes(MemberFile, []);
        Assert.Contains("empty or not a regular file", Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle)).Message, StringComparison.Ordinal);
        File.Delete(MemberFile);
        Directory.CreateDirectory(MemberFile);
        Assert.Contains("is a folder", Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.lightgbm.txt", BundleLimits.MaxModelFileBytes)]
    [InlineData("featurizer.json", BundleLimits.MaxJsonFileBytes)]
    [InlineData("manifest.json", BundleLimits.MaxJsonFileBytes)]
    public void AFileOverItsLimitIsRefusedBeforeItIsRead(string name, long limit)
    {
        // A sparse file: its size is over the limit, yet it costs no disk.
        using (var stream = new FileStream(Path.Combine(_bundle, name), FileMode.Create))
        {
            stream.SetLength(limit + 1);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<BundleFormatException>(() => ModelBundle.Load(_bundle));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("the limit for it is", error.Message, StringComparison.Ordinal);
        // Reading the file would allocate at least its size (64 MiB or more); refusing it allocates a few kilobytes.
        Assert.True(allocated < 4 << 20, $"refusing a {limit + 1}-byte {name} allocated {allocated} bytes");
    }

    [Theory]
    [InlineData("model.lightgbm.txt", true)]
    [InlineData("sub/model.lightgbm.txt", true)]
    [InlineData("../model.lightgbm.txt", false)]
    [InlineData("sub/../model.lightgbm.txt", false)]
    [InlineData("/model.lightgbm.txt", false)]
    [InlineData("\\model.lightgbm.txt", false)]
    [InlineData("C:model.lightgbm.txt", false)]
    [InlineData("a\0b", false)]
    [InlineData(" ", false)]
    [InlineData(null, false)]
    public void ContainedNamesAreRecognisedByTheirTextAlone(string? name, bool contained) =>
        Assert.Equal(contained, BundleFile.IsContainedName(name));

    private void SetMemberFile(string name)
    {
        var path = Path.Combine(_bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["members"]![0]!["file"] = name;
        File.WriteAllText(path, manifest.ToJsonString());
    }

#pragma warning disable CA5392, SYSLIB1054 // test-only call into libc
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore CA5392, SYSLIB1054
}
