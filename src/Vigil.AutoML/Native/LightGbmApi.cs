using System.Runtime.InteropServices;

namespace Vigil.AutoML.Native;

/// <summary>
/// The few functions of LightGBM's C API that search trials, refits and bundle members need. The library is the lib_lightgbm that
/// Microsoft.ML.LightGbm already ships (LightGBM 4.6), so trials and ML.NET's refits run the same booster code.
/// </summary>
internal static class LightGbmApi
{
    private const string Library = "lib_lightgbm";

    public const int Float32 = 0;
    public const int PredictNormal = 0;

    [DllImport(Library)]
    private static extern IntPtr LGBM_GetLastError();

    [DllImport(Library)]
    public static extern int LGBM_DatasetCreateFromMat(
        float[] data, int dataType, int rows, int columns, int isRowMajor, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, IntPtr reference, out IntPtr dataset);

    [DllImport(Library)]
    public static extern int LGBM_DatasetGetFeatureNumBin(DatasetHandle dataset, int feature, out int bins);

    [DllImport(Library)]
    public static extern int LGBM_DatasetGetSubset(
        DatasetHandle full, int[] rows, int rowCount, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out IntPtr subset);

    [DllImport(Library)]
    public static extern int LGBM_DatasetSetField(DatasetHandle dataset, [MarshalAs(UnmanagedType.LPUTF8Str)] string field, float[] data, int count, int type);

    [DllImport(Library)]
    public static extern int LGBM_DatasetFree(IntPtr dataset);

    [DllImport(Library)]
    public static extern int LGBM_BoosterCreate(DatasetHandle train, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out IntPtr booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterAddValidData(BoosterHandle booster, DatasetHandle valid);

    [DllImport(Library)]
    public static extern int LGBM_BoosterUpdateOneIter(BoosterHandle booster, out int finished);

    [DllImport(Library)]
    public static extern int LGBM_BoosterRollbackOneIter(BoosterHandle booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetCurrentIteration(BoosterHandle booster, out int iteration);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetEval(BoosterHandle booster, int dataIndex, out int count, double[] results);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetPredict(BoosterHandle booster, int dataIndex, out long count, double[] results);

    [DllImport(Library)]
    public static extern int LGBM_BoosterFree(IntPtr booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterSaveModelToString(
        BoosterHandle booster, int startIteration, int iterations, int featureImportanceType, long bufferLength, out long length, byte[]? buffer);

    [DllImport(Library)]
    public static extern int LGBM_BoosterLoadModelFromString([MarshalAs(UnmanagedType.LPUTF8Str)] string model, out int iterations, out IntPtr booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetNumClasses(BoosterHandle booster, out int classes);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetNumFeature(BoosterHandle booster, out int features);

    [DllImport(Library)]
    public static extern int LGBM_BoosterPredictForMatSingleRowFastInit(
        BoosterHandle booster, int predictType, int startIteration, int iterations, int dataType, int columns,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out IntPtr fastConfig);

    [DllImport(Library)]
    public static extern int LGBM_BoosterPredictForMatSingleRowFast(FastConfigHandle fastConfig, float[] row, out long length, double[] results);

    [DllImport(Library)]
    public static extern int LGBM_FastConfigFree(IntPtr fastConfig);

    [DllImport(Library)]
    public static extern int LGBM_BoosterPredictForMat(
        BoosterHandle booster, float[] data, int dataType, int rows, int columns, int isRowMajor, int predictType,
        int startIteration, int iterations, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out long length, double[] results);

    /// <summary>Per-feature importance summed over the trees: type 0 split counts, 1 total gain.</summary>
    [DllImport(Library)]
    public static extern int LGBM_BoosterFeatureImportance(BoosterHandle booster, int iterations, int importanceType, double[] results);

    /// <summary>Throws with LightGBM's own message when a call failed.</summary>
    public static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException("LightGBM: " + (Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "unknown error"));
        }
    }
}
