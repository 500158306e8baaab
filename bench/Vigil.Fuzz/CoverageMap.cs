using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace Vigil.Fuzz;

/// <summary>
/// The branch counters SharpFuzz's instrumentation writes to. Under AFL++ they are AFL's shared memory; a replay of
/// the instrumented build outside AFL gets a private buffer instead, so the same build can replay what AFL found.
/// </summary>
internal static class CoverageMap
{
    private const int Size = 1 << 16;

    public static unsafe void EnsureOutsideAfl()
    {
        if (Trace.SharedMem == null)
        {
            Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(Size);
        }
    }
}
