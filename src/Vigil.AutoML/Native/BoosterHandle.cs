namespace Vigil.AutoML.Native;

/// <summary>A LightGBM booster under training.</summary>
internal sealed class BoosterHandle : LightGbmHandle
{
    public BoosterHandle(IntPtr pointer)
        : base(pointer)
    {
    }

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_BoosterFree(handle) == 0;
}
