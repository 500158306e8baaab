using System.Runtime.InteropServices;

namespace Vigil.Cli.Outputs;

/// <summary>
/// Tells a device, pipe or socket from a regular file. .NET reports all of them as plain files, but writing an
/// output by rename over <c>/dev/null</c> would replace the device (as root), and opening a pipe would block.
/// Linux answers through <c>statx(2)</c>, whose layout is the same on every architecture; elsewhere nothing is special.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;

    /// <summary>True when <paramref name="path"/> exists and is neither a regular file, a folder nor a symbolic link.</summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return false; // missing or unreadable: the write itself will say so
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library without statx (before glibc 2.28)
        }
        catch (DllNotFoundException)
        {
            return false;
        }

        var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask; // the kernel writes native byte order
        return type is not (Regular or Directory or SymbolicLink);
    }

    // A blittable byte array is pinned, so the kernel's answer lands in it.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
