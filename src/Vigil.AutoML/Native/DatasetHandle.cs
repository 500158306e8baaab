namespace Vigil.AutoML.Native;

/// <summary>A LightGBM dataset (binned features and labels), freed by the native library.</summary>
internal sealed class DatasetHandle : LightGbmHandle
{
    public DatasetHandle(IntPtr pointer)
        : base(pointer)
    {
    }

    protected override bool ReleaseHandle() => LightGbmApi.LGBM_DatasetFree(handle) == 0;
}
