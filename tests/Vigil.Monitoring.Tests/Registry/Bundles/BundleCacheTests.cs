using Vigil.Monitoring.Registry.Bundles;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Registry.Bundles;

/// <summary>
/// The local cache of content-addressed bundles: fetched once, verified by hash before use, never used when its
/// files were changed, and safe when several processes fetch at once (#19).
/// </summary>
public sealed class BundleCacheTests
{
    [Fact]
    public void AFetchedBundleIsUnpackedVerifiedAndFetchedOnlyOnce()
    {
        using var temp = new TempWorkspace();
        var (hash, bytes) = Stored(temp);
        var cache = new BundleCache(Path.Combine(temp.Root, "cache"));
        var fetches = 0;
        var folder = cache.Resolve(hash, output => { fetches++; output.Write(bytes); });
        Assert.Equal(Path.Combine(temp.Root, "cache", hash), folder);
        Assert.Equal("m", File.ReadAllText(Path.Combine(folder, "model.zip")));
        Assert.Equal(folder, cache.Resolve(hash, output => { fetches++; output.Write(bytes); }));

        // Another process (a new cache object on the same folder) verifies the entry and uses it without fetching.
        var other = new BundleCache(Path.Combine(temp.Root, "cache"));
        Assert.Equal(folder, other.Resolve(hash, _ => throw new InvalidOperationException("must not fetch")));
        Assert.Equal(1, fetches);
        Assert.Equal([hash], Directory.EnumerateFileSystemEntries(cache.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void BytesThatDoNotMatchTheirHashAreAnErrorAndLeaveNothing()
    {
        using var temp = new TempWorkspace();
        var (hash, bytes) = Stored(temp);
        bytes[600] ^= 0x20; // one byte changed
        var cache = new BundleCache(Path.Combine(temp.Root, "cache"));
        var error = Assert.Throws<BundleIntegrityException>(() => cache.Resolve(hash, output => output.Write(bytes)));
        Assert.Contains(hash, error.Message, StringComparison.Ordinal);
        Assert.Contains("not used", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache.Folder));
    }

    [Fact]
    public void ATamperedCacheEntryIsDiscardedAndFetchedAgain()
    {
        using var temp = new TempWorkspace();
        var (hash, bytes) = Stored(temp);
        var folder = new BundleCache(Path.Combine(temp.Root, "cache")).Resolve(hash, output => output.Write(bytes));
        File.WriteAllText(Path.Combine(folder, "model.zip"), "evil");
        File.WriteAllText(Path.Combine(folder, "planted.txt"), "x");

        var fetched = false;
        var again = new BundleCache(Path.Combine(temp.Root, "cache")).Resolve(hash, output => { fetched = true; output.Write(bytes); });
        Assert.True(fetched);
        Assert.Equal(folder, again);
        Assert.Equal("m", File.ReadAllText(Path.Combine(again, "model.zip")));
        Assert.False(File.Exists(Path.Combine(again, "planted.txt")));
    }

    [Fact]
    public void ManyFetchersAtOnceEndWithOneCompleteEntry()
    {
        using var temp = new TempWorkspace();
        var (hash, bytes) = Stored(temp);
        var root = Path.Combine(temp.Root, "cache");
        using var start = new Barrier(8);
        var folders = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).Select(_ =>
        {
            var cache = new BundleCache(root); // one per "process"
            start.SignalAndWait();
            return cache.Resolve(hash, output => output.Write(bytes));
        }).ToArray();

        Assert.All(folders, f => Assert.Equal(Path.Combine(root, hash), f));
        Assert.Equal(hash, BundlePack.Hash(folders[0]));
        Assert.Equal([hash], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void LeftoversOfDeadProcessesAreRemovedAndALiveOnesKept()
    {
        using var temp = new TempWorkspace();
        var cache = new BundleCache(Path.Combine(temp.Root, "cache"));
        Directory.CreateDirectory(Path.Combine(cache.Folder, ".incoming-999999999-dead"));
        File.WriteAllText(Path.Combine(cache.Folder, ".incoming-999999999-dead.tar"), "partial");
        var live = Path.Combine(cache.Folder, $".incoming-{Environment.ProcessId}-live");
        Directory.CreateDirectory(live);
        cache.RemoveCrashLeftovers();
        Assert.Equal([Path.GetFileName(live)], Directory.EnumerateFileSystemEntries(cache.Folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public void ANameThatIsNotAHashIsRefused(string name)
    {
        using var temp = new TempWorkspace();
        var cache = new BundleCache(Path.Combine(temp.Root, "cache"));
        Assert.Throws<InvalidDataException>(() => cache.Resolve(name, _ => { }));
    }

    private static (string Hash, byte[] Bytes) Stored(TempWorkspace temp)
    {
        var folder = BundlePackTests.Folder(temp, "a", ("model.zip", "m"), ("extra/notes.txt", "n"));
        using var output = new MemoryStream();
        var hash = BundlePack.Pack(folder, output);
        return (hash, output.ToArray());
    }
}
