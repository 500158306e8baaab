namespace Vigil.AutoML.Native;

/// <summary>Feature rows as the one row-major float block LightGBM's matrix functions read.</summary>
internal static class RowMajor
{
    public static float[] Flatten(float[][] rows, int width)
    {
        var matrix = new float[(long)rows.Length * width];
        for (var r = 0; r < rows.Length; r++)
        {
            Array.Copy(rows[r], 0, matrix, (long)r * width, width);
        }

        return matrix;
    }
}
