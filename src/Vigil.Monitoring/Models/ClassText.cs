using System.Globalization;
using Vigil.AutoML.Featurization;

namespace Vigil.Monitoring.Models;

/// <summary>
/// Finds a class by the text a model or a log gives for it. Numeric labels are named as the label column's values
/// print ("1", "0.5"), so when every class is a number a prediction "1.0" or an ONNX int64 label 1 finds class "1";
/// text classes match exactly.
/// </summary>
internal sealed class ClassText
{
    private readonly Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private readonly bool _numeric;

    public ClassText(LabelMapping labels)
    {
        _numeric = labels.Classes.Count > 0 && labels.Classes.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        for (var k = 0; k < labels.Classes.Count; k++)
        {
            _lookup[Key(labels.Classes[k])] = k;
        }
    }

    /// <summary>The class index of <paramref name="text"/>, or -1.</summary>
    public int IndexOf(string? text) => text is not null && _lookup.TryGetValue(Key(text), out var k) ? k : -1;

    /// <summary>The class index of a number (an int64 ONNX label), or -1.</summary>
    public int IndexOf(long value) => IndexOf(value.ToString(CultureInfo.InvariantCulture));

    private string Key(string text) =>
        _numeric && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v.ToString("R", CultureInfo.InvariantCulture)
            : text;

    /// <summary>A number from text (invariant culture), or NaN.</summary>
    public static double ParseOrNaN(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
