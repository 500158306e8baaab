using System.Runtime.InteropServices;

namespace Vigil.AutoML.Native;

/// <summary>
/// A handle the native LightGBM library allocated; subclasses name what it is and how it is freed, so the P/Invoke
/// signatures stay typed (a booster cannot be passed where a dataset is expected).
/// </summary>
internal abstract class LightGbmHandle : SafeHandle
{
    protected LightGbmHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;
}
