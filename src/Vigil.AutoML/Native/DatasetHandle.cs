using System.Runtime.InteropServices;

namespace Vigil.AutoML.Native;

/// <summary>A LightGBM dataset (binned features and labels), freed by the native library.</summary>
internal sealed class DatasetHandle : SafeHandle
{
    public DatasetHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_DatasetFree(handle) == 0;
}
