using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace Vigil.Monitoring.Registry.Bundles;

/// <summary>
/// A node's local copies of content-addressed bundles: <c>&lt;cache&gt;/&lt;sha256&gt;/</c> holds the unpacked files of
/// the bundle whose packed form (<see cref="BundlePack"/>) has that SHA-256.
/// <list type="bullet">
/// <item>Fetched on first use, verified before it is published: bytes that do not hash to their name are an error
/// (<see cref="BundleIntegrityException"/>) and nothing is kept.</item>
/// <item>Published atomically: unpacked into a hidden <c>.incoming-&lt;pid&gt;-&lt;guid&gt;</c> sibling, then renamed,
/// so two processes fetching at once both end with one complete folder.</item>
/// <item>Verified again once per process (per cache object) before first use: an entry whose files were changed
/// on disk is discarded, never used, and fetched again.</item>
/// </list>
/// </summary>
public sealed class BundleCache
{
    private const string IncomingPrefix = ".incoming-";
    private readonly ConcurrentDictionary<string, Lazy<string>> _verified = new(StringComparer.Ordinal);

    /// <summary>A cache in <paramref name="folder"/> (created when missing).</summary>
    public BundleCache(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>Absolute path of the cache folder.</summary>
    public string Folder { get; }

    /// <summary>Where the bundle <paramref name="sha256"/> is (or will be) unpacked.</summary>
    public string PathOf(string sha256)
    {
        if (!BundlePack.IsHash(sha256))
        {
            throw new InvalidDataException($"'{sha256}' is not a bundle hash (64 lowercase hex digits); the database was changed outside Vigil.");
        }

        return Path.Combine(Folder, sha256);
    }

    /// <summary>
    /// The verified local folder of bundle <paramref name="sha256"/>: the cached entry when its files still hash to
    /// its name, else the bytes <paramref name="fetch"/> writes (the packed bundle from the shared store), verified.
    /// </summary>
    public string Resolve(string sha256, Action<Stream> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var path = PathOf(sha256);
        var lazy = _verified.GetOrAdd(sha256, _ => new Lazy<string>(() => Materialize(sha256, path, fetch)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _verified.TryRemove(new KeyValuePair<string, Lazy<string>>(sha256, lazy));
            throw;
        }
    }

    /// <summary>
    /// Publishes a bundle this process packed itself (e.g. while registering it) without fetching it back.
    /// <paramref name="packed"/> must be the packed bytes; they are verified like fetched ones.
    /// </summary>
    public void Adopt(string sha256, string packed)
    {
        ArgumentException.ThrowIfNullOrEmpty(packed);
        Resolve(sha256, output =>
        {
            using var input = File.OpenRead(packed);
            input.CopyTo(output);
        });
    }

    /// <summary>Removes incoming folders and files left by processes that no longer run.</summary>
    public void RemoveCrashLeftovers()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(Folder, IncomingPrefix + "*"))
        {
            var name = Path.GetFileName(entry);
            if (BundleFolder.IsAbandonedIncoming(name.EndsWith(".tar", StringComparison.Ordinal) ? name[..^4] : name))
            {
                if (Directory.Exists(entry))
                {
                    BundleFolder.DeleteQuietly(entry);
                }
                else
                {
                    TryDeleteFile(entry);
                }
            }
        }
    }

    private string Materialize(string sha256, string path, Action<Stream> fetch)
    {
        if (Directory.Exists(path))
        {
            if (Matches(path, sha256))
            {
                return path;
            }

            // Changed on disk (or half-written before a crash): never used; moved aside first so no reader sees it half-deleted.
            Discard(path);
        }

        Directory.CreateDirectory(Folder);
        var stem = string.Create(CultureInfo.InvariantCulture, $"{IncomingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var packed = Path.Combine(Folder, stem + ".tar");
        var incoming = Path.Combine(Folder, stem);
        try
        {
            using (var file = new FileStream(packed, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                string actual;
                using (var sha = SHA256.Create())
                {
                    using (var hashing = new CryptoStream(file, sha, CryptoStreamMode.Write, leaveOpen: true))
                    {
                        fetch(hashing);
                        hashing.FlushFinalBlock();
                    }

                    actual = Convert.ToHexStringLower(sha.Hash!);
                }

                if (!string.Equals(actual, sha256, StringComparison.Ordinal))
                {
                    throw new BundleIntegrityException(
                        $"Bundle {sha256} from the shared store has SHA-256 {actual}: its bytes were changed or damaged; it was not used.");
                }

                file.Position = 0;
                BundlePack.Unpack(file, incoming);
            }

            try
            {
                Directory.Move(incoming, path);
            }
            catch (IOException) when (Directory.Exists(path))
            {
                // Another process published it first; theirs came from the same verified bytes.
                BundleFolder.DeleteQuietly(incoming);
            }

            return path;
        }
        finally
        {
            BundleFolder.DeleteQuietly(incoming);
            TryDeleteFile(packed);
        }
    }

    private static bool Matches(string path, string sha256)
    {
        try
        {
            return string.Equals(BundlePack.Hash(path), sha256, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Workspace.WorkspaceInputException)
        {
            return false;
        }
    }

    private void Discard(string path)
    {
        var aside = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{IncomingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            Directory.Move(path, aside);
        }
        catch (IOException)
        {
            // Already moved or replaced by another process; whatever is there now is verified again below.
            return;
        }

        BundleFolder.DeleteQuietly(aside);
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
