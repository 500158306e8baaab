using System.Formats.Tar;
using Vigil.Monitoring.Registry.Bundles;
using Vigil.Monitoring.Tests.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Registry.Bundles;

/// <summary>A packed bundle is the same bytes for the same files, whatever the file system says about them (#19).</summary>
public sealed class BundlePackTests
{
    [Fact]
    public void SameFilesGiveTheSameBytesWhateverTheirTimesAndCreationOrder()
    {
        using var temp = new TempWorkspace();
        var first = Folder(temp, "a", ("model.zip", "m"), ("z.txt", "last"), ("extra/notes.txt", "n"), ("b.json", "{}"));
        var second = Folder(temp, "b", ("extra/notes.txt", "n"), ("b.json", "{}"), ("z.txt", "last"), ("model.zip", "m"));
        foreach (var file in Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        }

        var (hashA, bytesA) = Packed(first);
        var (hashB, bytesB) = Packed(second);
        Assert.Equal(bytesA, bytesB);
        Assert.Equal(hashA, hashB);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytesA)), hashA);
        Assert.True(BundlePack.IsHash(hashA));

        File.WriteAllText(Path.Combine(second, "extra", "notes.txt"), "N");
        Assert.NotEqual(hashA, BundlePack.Hash(second));
    }

    [Fact]
    public void EntriesAreSortedWithFixedTimesAndOwners()
    {
        using var temp = new TempWorkspace();
        var folder = Folder(temp, "a", ("b.txt", "b"), ("a/c.txt", "c"), ("a.txt", "a"));
        var (_, bytes) = Packed(folder);
        using var reader = new TarReader(new MemoryStream(bytes));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
            Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), entry.ModificationTime);
            Assert.Equal((0, 0), (entry.Uid, entry.Gid));
        }

        Assert.Equal(["a.txt", "a/", "a/c.txt", "b.txt"], names);
    }

    [Fact]
    public void UnpackRestoresTheFilesAndAnOverlayReplacesATopLevelFile()
    {
        using var temp = new TempWorkspace();
        var folder = Folder(temp, "a", ("model.zip", "m"), ("profile.json", "old"), ("extra/notes.txt", "n"));
        Directory.CreateDirectory(Path.Combine(folder, "empty"));
        using var packed = new MemoryStream();
        var hash = BundlePack.Pack(folder, packed, new Dictionary<string, byte[]> { ["profile.json"] = BundlePack.Text("new") });
        packed.Position = 0;
        var target = Path.Combine(temp.Root, "out");
        BundlePack.Unpack(packed, target);

        Assert.Equal("m", File.ReadAllText(Path.Combine(target, "model.zip")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "profile.json")));
        Assert.Equal("n", File.ReadAllText(Path.Combine(target, "extra", "notes.txt")));
        Assert.True(Directory.Exists(Path.Combine(target, "empty")));
        Assert.Equal(hash, BundlePack.Hash(target));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/etc/escape.txt")]
    [InlineData("a/../../escape.txt")]
    public void UnpackRefusesNamesThatLeaveTheFolder(string name)
    {
        using var temp = new TempWorkspace();
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream([1, 2, 3]) });
        }

        archive.Position = 0;
        var target = Path.Combine(temp.Root, "out", "bundle");
        Assert.Throws<InvalidDataException>(() => BundlePack.Unpack(archive, target));
        Assert.False(File.Exists(Path.Combine(temp.Root, "out", "escape.txt")));
        Assert.False(File.Exists("/etc/escape.txt"));
    }

    [Fact]
    public void UnpackRefusesALink()
    {
        using var temp = new TempWorkspace();
        using var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, "model.zip") { LinkName = "/etc/passwd" });
        }

        archive.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => BundlePack.Unpack(archive, Path.Combine(temp.Root, "out")));
        Assert.Contains("SymbolicLink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PackRefusesALinkedFile()
    {
        using var temp = new TempWorkspace();
        var folder = Folder(temp, "a", ("model.zip", "m"));
        File.WriteAllText(Path.Combine(temp.Root, "secret"), "s");
        File.CreateSymbolicLink(Path.Combine(folder, "secret"), Path.Combine(temp.Root, "secret"));
        var error = Assert.Throws<WorkspaceInputException>(() => BundlePack.Hash(folder));
        Assert.Contains("symbolic link (secret)", error.Message, StringComparison.Ordinal);
    }

    internal static string Folder(TempWorkspace temp, string name, params (string Path, string Text)[] files)
    {
        var root = Path.Combine(temp.Root, "src-" + name + "-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return root;
    }

    private static (string Hash, byte[] Bytes) Packed(string folder)
    {
        using var output = new MemoryStream();
        var hash = BundlePack.Pack(folder, output);
        return (hash, output.ToArray());
    }
}
