using System.Globalization;
using System.Text;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Featurization;

/// <summary>Writes one column's slots into the feature rows, whatever storage kind the prediction data arrived in.</summary>
internal static class ColumnEncoder
{
    public static void Write(ColumnFeaturization spec, Column column, float[][] rows, int offset, bool impute)
    {
        switch (spec.Kind)
        {
            case FeatureKind.Numeric:
                WriteNumeric(spec, column, rows, offset, impute);
                break;
            case FeatureKind.OneHot:
                WriteOneHot(spec, column, rows, offset);
                break;
            case FeatureKind.Hashed:
                WriteHashed(spec, column, rows, offset);
                break;
            case FeatureKind.DateParts:
                WriteDates(spec, column, rows, offset, impute);
                break;
            default:
                throw new NotSupportedException(spec.Kind.ToString());
        }
    }

    private static void WriteNumeric(ColumnFeaturization spec, Column column, float[][] rows, int offset, bool impute)
    {
        var mean = (float)(spec.Means?[0] ?? 0);
        var indicator = impute && spec.HasMissing;
        for (var r = 0; r < rows.Length; r++)
        {
            var v = column switch
            {
                NumericColumn n => n[r],
                BooleanColumn b => b[r] is { } x ? (x ? 1 : 0) : double.NaN,
                _ => Featurizer.ParseOrNaN(column.FormatCell(r)),
            };
            var f = double.IsNaN(v) ? float.NaN : (float)v;
            if (impute)
            {
                var isMissing = float.IsNaN(f) || float.IsInfinity(f);
                rows[r][offset] = isMissing ? mean : f;
                if (indicator)
                {
                    rows[r][offset + 1] = isMissing ? 1 : 0;
                }
            }
            else
            {
                rows[r][offset] = f;
            }
        }
    }

    private static void WriteOneHot(ColumnFeaturization spec, Column column, float[][] rows, int offset)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var cats = spec.Categories ?? [];
        for (var i = 0; i < cats.Count; i++)
        {
            lookup[cats[i]] = i;
        }

        if (column is CategoricalColumn c)
        {
            // Map codes once; unseen categories map to -1 and leave the slots at zero.
            var slotByCode = c.Categories.Select(s => lookup.TryGetValue(s, out var i) ? i : -1).ToArray();
            var codes = c.Codes;
            for (var r = 0; r < rows.Length; r++)
            {
                var code = codes[r];
                if (code >= 0 && slotByCode[code] >= 0)
                {
                    rows[r][offset + slotByCode[code]] = 1;
                }
            }

            return;
        }

        for (var r = 0; r < rows.Length; r++)
        {
            if (column.FormatCell(r) is { } text && lookup.TryGetValue(text, out var slot))
            {
                rows[r][offset + slot] = 1;
            }
        }
    }

    private static void WriteHashed(ColumnFeaturization spec, Column column, float[][] rows, int offset)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            if (column.FormatCell(r) is { } text)
            {
                rows[r][offset + Bucket(text, spec.HashBuckets)] = 1;
            }
        }
    }

    private static void WriteDates(ColumnFeaturization spec, Column column, float[][] rows, int offset, bool impute)
    {
        Span<float> parts = stackalloc float[DateFeatures.PartCount];
        var indicator = impute && spec.HasMissing;
        for (var r = 0; r < rows.Length; r++)
        {
            DateTime? value = column switch
            {
                DateTimeColumn d => d[r],
                // An offset converts to UTC, no offset keeps the wall clock: as the CSV reader and logged rows do.
                _ => DateTime.TryParse(column.FormatCell(r), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            };
            DateFeatures.Write(value, parts);
            for (var i = 0; i < parts.Length; i++)
            {
                rows[r][offset + i] = impute && value is null ? (float)(spec.Means?[i] ?? 0) : parts[i];
            }

            if (indicator)
            {
                rows[r][offset + parts.Length] = value is null ? 1 : 0;
            }
        }
    }

    /// <summary>FNV-1a over UTF-8 bytes: stable across processes and .NET versions (unlike string.GetHashCode).</summary>
    internal static int Bucket(string text, int buckets)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)buckets);
    }
}
