namespace Vigil.AutoML.Native;

/// <summary>
/// LightGBM's prepared single-row prediction (parameters parsed once, not on every call); it refers to its booster,
/// which must outlive it.
/// </summary>
internal sealed class FastConfigHandle : LightGbmHandle
{
    public FastConfigHandle(IntPtr pointer)
        : base(pointer)
    {
    }

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_FastConfigFree(handle) == 0;
}
