namespace Vigil.Rendering.Svg;

/// <summary>Maps a data interval linearly onto a pixel interval (the pixel interval may run backwards, as y does).</summary>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double v)
    {
        var span = DomainMax - DomainMin;
        if (span == 0 || !double.IsFinite(span))
        {
            return (RangeMin + RangeMax) / 2;
        }

        return RangeMin + ((v - DomainMin) / span * (RangeMax - RangeMin));
    }

    /// <summary>Maps and clamps into the pixel interval, for lines that must stay inside the plot.</summary>
    public double MapClamped(double v)
    {
        var p = Map(v);
        var lo = Math.Min(RangeMin, RangeMax);
        var hi = Math.Max(RangeMin, RangeMax);
        return Math.Clamp(p, lo, hi);
    }
}
