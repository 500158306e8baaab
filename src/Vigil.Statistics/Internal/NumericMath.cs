namespace Vigil.Statistics.Internal;

/// <summary>Small numeric helpers missing from System.Math.</summary>
internal static class NumericMath
{
    /// <summary>log(1 + y) accurate for small |y| (Goldberg's correction; .NET's LogP1 is just Log(1 + y)).</summary>
    public static double Log1P(double y)
    {
        var u = 1.0 + y;
        if (u == 1.0)
        {
            return y;
        }

        return Math.Log(u) * y / (u - 1.0);
    }
}
