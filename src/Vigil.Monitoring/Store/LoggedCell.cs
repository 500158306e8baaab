using System.Globalization;

namespace Vigil.Monitoring.Store;

/// <summary>
/// How a logged feature value becomes a cell of its column's kind: one set of rules for the tables checks read
/// (<see cref="LoggedRowTable"/>) and the columns /predict scores, so a value is read the same way in both.
/// </summary>
public static class LoggedCell
{
    /// <summary>Numeric text as an invariant number; NaN when it is not one.</summary>
    public static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>"true"/"false" (any case) as a flag; missing otherwise.</summary>
    public static bool? Flag(string text) => bool.TryParse(text, out var value) ? value : null;

    /// <summary>
    /// ISO 8601 text as a time. Like the CSV reader: a time with an offset becomes UTC, one without keeps its wall-clock
    /// value (not the server's local zone), so training and serving see the same hour. Missing when it is not a time.
    /// </summary>
    public static DateTime? Date(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.UtcDateTime : null;

    /// <summary>A number as categorical text (round-trip format).</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A flag as categorical text.</summary>
    public static string Text(bool value) => value ? "true" : "false";
}
