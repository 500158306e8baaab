using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Registry.Bundles;

/// <summary>
/// A bundle folder as one deterministic tar (ustar) stream, named by its SHA-256: the same files give the same bytes
/// on any machine (entries sorted by ordinal path, fixed timestamp, modes and owner), so equal bundles are stored once.
/// Only regular files and folders are packed; a link refuses the bundle. Unpacking writes only inside the target.
/// </summary>
public static class BundlePack
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes the files under <paramref name="folder"/> to <paramref name="output"/> and returns the SHA-256 of what was
    /// written (64 lowercase hex digits). <paramref name="overlay"/> adds or replaces top-level files by name (e.g. a
    /// profile.json the registration supplies).
    /// </summary>
    public static string Pack(string folder, Stream output, IReadOnlyDictionary<string, byte[]>? overlay = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(output);
        var entries = List(Path.GetFullPath(folder), overlay);
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(output, sha, CryptoStreamMode.Write, leaveOpen: true))
        {
            using (var writer = new TarWriter(hashing, TarEntryFormat.Ustar, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    Write(writer, entry);
                }
            }

            hashing.FlushFinalBlock();
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>The SHA-256 <see cref="Pack"/> gives for <paramref name="folder"/>, without keeping the bytes.</summary>
    public static string Hash(string folder) => Pack(folder, Stream.Null);

    /// <summary>True for 64 lowercase hex digits, the only form of a bundle name (it becomes a folder name in the cache).</summary>
    public static bool IsHash(string text) =>
        text.Length == 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>
    /// Extracts a packed bundle into the new folder <paramref name="target"/>. Entries other than regular files and
    /// folders, absolute names and names that leave the target are refused with <see cref="InvalidDataException"/>.
    /// </summary>
    public static void Unpack(Stream input, string target)
    {
        ArgumentNullException.ThrowIfNull(input);
        var root = Path.GetFullPath(target);
        Directory.CreateDirectory(root);
        using var reader = new TarReader(input, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            var path = Inside(root, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        entry.DataStream?.CopyTo(file);
                    }

                    break;
                default:
                    throw new InvalidDataException($"Bundle archive entry '{entry.Name}' is a {entry.EntryType}; only files and folders are allowed.");
            }
        }
    }

    private static string Inside(string root, string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            || name.TrimEnd('/').Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new InvalidDataException($"Bundle archive entry '{name}' is not a plain relative name.");
        }

        var path = Path.GetFullPath(Path.Combine(root, name.TrimEnd('/')));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Bundle archive entry '{name}' leaves the bundle folder.");
        }

        return path;
    }

    private static void Write(TarWriter writer, PackEntry entry)
    {
        var tar = new UstarTarEntry(entry.IsFolder ? TarEntryType.Directory : TarEntryType.RegularFile, entry.Name)
        {
            ModificationTime = FixedTime,
            Mode = entry.IsFolder
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            Uid = 0,
            Gid = 0,
            UserName = string.Empty,
            GroupName = string.Empty,
        };
        if (entry.IsFolder)
        {
            writer.WriteEntry(tar);
            return;
        }

        using var data = entry.Content is { } bytes
            ? new MemoryStream(bytes, writable: false)
            : (Stream)new FileStream(entry.Source!, FileMode.Open, FileAccess.Read, FileShare.Read);
        tar.DataStream = data;
        writer.WriteEntry(tar);
    }

    // Regular files and folders only, sorted by their '/'-separated relative name (ordinal), so the order never
    // depends on the file system.
    private static List<PackEntry> List(string root, IReadOnlyDictionary<string, byte[]>? overlay)
    {
        if (!Directory.Exists(root))
        {
            throw new WorkspaceInputException($"Bundle folder '{root}' does not exist.");
        }

        var entries = new Dictionary<string, PackEntry>(StringComparer.Ordinal);
        var pending = new Stack<(string Folder, string Prefix)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (folder, prefix) = pending.Pop();
            foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (info.LinkTarget is not null)
                {
                    throw new WorkspaceInputException($"Bundle folder '{root}' holds a symbolic link ({info.Name}); a bundle's files must be its own.");
                }

                var name = prefix + info.Name;
                if (info is DirectoryInfo sub)
                {
                    entries[name + "/"] = new PackEntry(name + "/", true, null, null);
                    pending.Push((sub.FullName, name + "/"));
                }
                else
                {
                    // An empty file is packed without opening it, so a device or FIFO (size 0 on Linux) is never read.
                    var empty = ((FileInfo)info).Length == 0;
                    entries[name] = new PackEntry(name, false, empty ? null : info.FullName, empty ? [] : null);
                }
            }
        }

        foreach (var (name, content) in overlay ?? new Dictionary<string, byte[]>())
        {
            if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Overlay file '{name}' must be a top-level name.", nameof(overlay));
            }

            entries[name] = new PackEntry(name, false, null, content);
        }

        return [.. entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    private sealed record PackEntry(string Name, bool IsFolder, string? Source, byte[]? Content);

    /// <summary>UTF-8 bytes of a text file for <see cref="Pack"/>'s overlay.</summary>
    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
