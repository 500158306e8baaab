using System.Text;
using System.Text.Json;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// A file of a bundle folder named by stored text: a manifest's member <c>file</c>, a fixed name such as
/// <c>profile.json</c>, a path built from a registry row. It is the one way Vigil turns such text into a path, so
/// the rules hold everywhere:
/// <list type="bullet">
/// <item>the name is relative and stays inside the folder by its text alone (no root, no drive, no "..", "." or empty
/// part, no NUL); a refused name never touches the disk, so no answer tells whether something outside exists;</item>
/// <item>no part of it is a symbolic link (which could point anywhere), and it is a file, not a folder;</item>
/// <item>its size is 1 byte to its limit. Devices, FIFOs and sockets report size 0 on Linux, so they are refused
/// with empty files and never opened (a FIFO would block, /dev/zero would never end);</item>
/// <item>a read checks the opened handle's size again and reads no more than that.</item>
/// </list>
/// </summary>
public sealed class BundleFile
{
    private static readonly char[] Separators = ['/', '\\'];

    private BundleFile(string name, string fullPath, long length)
    {
        Name = name;
        FullPath = fullPath;
        Length = length;
    }

    /// <summary>The name as stored (relative to the bundle folder).</summary>
    public string Name { get; }

    /// <summary>Absolute path of the file.</summary>
    public string FullPath { get; }

    /// <summary>Size in bytes when it was checked.</summary>
    public long Length { get; }

    /// <summary>The file <paramref name="name"/> inside <paramref name="folder"/>; <see cref="BundleFormatException"/> when it is missing or refused.</summary>
    public static BundleFile Resolve(string folder, string name, long maxBytes) =>
        Find(folder, name, maxBytes) ?? throw new BundleFormatException($"'{name}' is missing from the bundle folder.");

    /// <summary>
    /// The file <paramref name="name"/> inside <paramref name="folder"/>, or null when nothing by that name is there;
    /// <see cref="BundleFormatException"/> when the name or what it names is refused (see the class rules).
    /// </summary>
    public static BundleFile? Find(string folder, string name, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var parts = Parts(name);
        var current = Path.GetFullPath(folder);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is not null)
            {
                throw new BundleFormatException($"'{name}' is or goes through a symbolic link; a bundle's files must be its own.");
            }

            if (i < parts.Length - 1 && !Directory.Exists(current))
            {
                return null;
            }
        }

        var file = new FileInfo(current);
        if (!file.Exists)
        {
            return Directory.Exists(current)
                ? throw new BundleFormatException($"'{name}' is a folder, not a file.")
                : null;
        }

        if (file.Length == 0)
        {
            throw new BundleFormatException($"'{name}' is empty or not a regular file.");
        }

        if (file.Length > maxBytes)
        {
            throw new BundleFormatException($"'{name}' is {file.Length} bytes; the limit for it is {maxBytes} bytes.");
        }

        return new BundleFile(name, current, file.Length);
    }

    /// <summary>True when <paramref name="name"/> is a relative name that stays inside a folder by its text alone.</summary>
    public static bool IsContainedName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(name) ||
            name.Contains(':', StringComparison.Ordinal) || name.IndexOfAny(Separators) == 0)
        {
            return false;
        }

        foreach (var part in name.Split(Separators))
        {
            if (part.Length == 0 || part == "." || part == ".." || part.Trim().Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Opens the file for reading; refused when the opened file is not the size that was checked.</summary>
    public FileStream OpenRead()
    {
        var stream = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (stream.Length != Length)
        {
            stream.Dispose();
            throw new BundleFormatException($"'{Name}' changed while it was being read.");
        }

        return stream;
    }

    public string ReadAllText()
    {
        using var stream = OpenRead();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Deserializes the file as it streams in (no copy of the whole text in memory).</summary>
    public T? ReadJson<T>(JsonSerializerOptions options)
    {
        using var stream = OpenRead();
        return JsonSerializer.Deserialize<T>(stream, options);
    }

    private static string[] Parts(string? name) =>
        IsContainedName(name)
            ? name!.Split(Separators)
            : throw new BundleFormatException(
                $"'{name}' is not a relative path inside the bundle folder (an absolute path, '..', or an empty part); refused.");
}
