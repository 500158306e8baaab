using System.Runtime.InteropServices;

namespace Vigil.AutoML.Native;

/// <summary>A LightGBM booster under training.</summary>
internal sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_BoosterFree(handle) == 0;
}
