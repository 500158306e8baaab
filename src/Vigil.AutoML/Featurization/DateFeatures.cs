namespace Vigil.AutoML.Featurization;

/// <summary>Calendar parts taken from a date-time column.</summary>
internal static class DateFeatures
{
    public const int PartCount = 5;

    public static void Write(DateTime? value, Span<float> slots)
    {
        if (value is not { } d)
        {
            slots[..PartCount].Fill(float.NaN);
            return;
        }

        slots[0] = d.Year;
        slots[1] = d.Month;
        slots[2] = d.Day;
        slots[3] = (int)d.DayOfWeek;
        slots[4] = d.Hour + (d.Minute / 60f);
    }
}
