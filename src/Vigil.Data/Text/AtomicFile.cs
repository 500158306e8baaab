using System.Text;

namespace Vigil.Data.Text;

/// <summary>
/// Writes files so a reader never sees half a file: the content goes to a temporary file in the same folder, is
/// flushed to disk, and then replaces the target in one rename. Every file Vigil writes for a user or a workspace
/// (CSV, JSON, HTML, bundle metadata, the scheduler's cursor) goes through here. An I/O failure names the user's
/// path, never the temporary one.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark, creating the folder when missing.</summary>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, stream => stream.Write(Utf8.GetBytes(content)), createFolder: true);
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream (which it must not close). A missing folder is an
    /// error unless <paramref name="createFolder"/>.
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool createFolder = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            if (createFolder)
            {
                Directory.CreateDirectory(folder);
            }

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputError.Naming(full, temp, e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
