namespace Vigil.AutoML.Native;

/// <summary>A LightGBM booster: under training, or loaded from model text to score a bundle member.</summary>
internal sealed class BoosterHandle : LightGbmHandle
{
    public BoosterHandle(IntPtr pointer)
        : base(pointer)
    {
    }

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_BoosterFree(handle) == 0;
}
