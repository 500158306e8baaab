using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// Checks a window's schema and cells against a <see cref="ReferenceProfile"/>: columns missing, extra or of another
/// kind; row count; per column the missing share, unseen categories, values outside the training range and ±Infinity.
/// A missing label is not a finding (labels arrive later). Never throws on bad cells.
/// </summary>
public static class QualityCheck
{
    public static QualityReport Run(ReferenceProfile profile, Table window, QualityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(window);
        options ??= new QualityOptions();
        var findings = new List<QualityFinding>();
        if (window.RowCount == 0)
        {
            findings.Add(new QualityFinding(null, QualityFindingKind.EmptyWindow, QualitySeverity.Error, "the window has no rows", 0));
        }
        else if (window.RowCount < options.MinRows)
        {
            findings.Add(new QualityFinding(null, QualityFindingKind.TooFewRows, QualitySeverity.Warning,
                Text($"{window.RowCount} rows, fewer than the {options.MinRows} the checks need to be reliable"), window.RowCount));
        }

        foreach (var column in profile.Columns)
        {
            if (!window.TryGetColumn(column.Name, out var found))
            {
                if (!column.IsLabel)
                {
                    findings.Add(new QualityFinding(column.Name, QualityFindingKind.MissingColumn, QualitySeverity.Error, "the column is absent from the window"));
                }
            }
            else if (!KindRules.Compatible(column, found.Kind))
            {
                findings.Add(new QualityFinding(column.Name, QualityFindingKind.TypeMismatch, QualitySeverity.Error,
                    Text($"{Name(column.Kind)} in training but {Name(found.Kind)} in the window")));
            }
            else if (found.Length > 0)
            {
                CheckCells(column, found, options, findings);
            }
        }

        var ignored = new HashSet<string>(options.IgnoredColumns, StringComparer.Ordinal);
        foreach (var name in window.ColumnNames)
        {
            if (profile.Find(name) is null && !ignored.Contains(name))
            {
                findings.Add(new QualityFinding(name, QualityFindingKind.ExtraColumn, QualitySeverity.Info, "the column is not in the profile; it is ignored"));
            }
        }

        return new QualityReport
        {
            Rows = window.RowCount,
            Findings = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Column, StringComparer.Ordinal).ToArray(),
        };
    }

    private static void CheckCells(ColumnProfile profile, Column column, QualityOptions options, List<QualityFinding> findings)
    {
        var missing = column.MissingCount;
        var share = (double)missing / column.Length;
        var increase = share - profile.MissingShare;
        if (increase > options.MaxMissingShareIncrease || (share >= 1 && profile.MissingShare < 1))
        {
            var severity = increase >= options.ErrorMissingShareIncrease || share >= 1 ? QualitySeverity.Error : QualitySeverity.Warning;
            findings.Add(new QualityFinding(profile.Name, QualityFindingKind.MissingShare, severity,
                Text($"{share:P1} missing vs {profile.MissingShare:P1} in training (+{increase:P1}, allowed +{options.MaxMissingShareIncrease:P1})"), share));
        }

        if (profile.ComparedAsCategorical)
        {
            CheckCategories(profile, column, options, findings);
        }
        else if (column is NumericColumn or DateTimeColumn)
        {
            CheckRange(profile, column, options, findings);
        }
    }

    private static void CheckCategories(ColumnProfile profile, Column column, QualityOptions options, List<QualityFinding> findings)
    {
        var known = profile.Categories!;
        var unseen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var present = 0;
        var inUnseen = 0;
        for (var i = 0; i < column.Length; i++)
        {
            if (column.FormatCell(i) is not { } text)
            {
                continue;
            }

            present++;
            if (!known.ContainsKey(text))
            {
                inUnseen++;
                unseen[text] = unseen.GetValueOrDefault(text) + 1;
            }
        }

        if (inUnseen == 0)
        {
            return;
        }

        var share = (double)inUnseen / present;
        var examples = string.Join(", ", unseen.OrderByDescending(p => p.Value).Take(5).Select(p => $"'{p.Key}'"));
        findings.Add(new QualityFinding(profile.Name, QualityFindingKind.UnseenCategory,
            share >= options.UnseenCategoryWarningShare ? QualitySeverity.Warning : QualitySeverity.Info,
            Text($"{unseen.Count} unseen categories in {inUnseen} cells ({share:P1} of non-missing), e.g. {examples}"), share));
    }

    private static void CheckRange(ColumnProfile profile, Column column, QualityOptions options, List<QualityFinding> findings)
    {
        var values = ColumnProfiler.Numbers(column);
        // Time moves on: dates after the training period are expected, only earlier ones are suspect.
        var dates = column is DateTimeColumn;
        int present = 0, outside = 0, infinite = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            present++;
            if (double.IsInfinity(v))
            {
                infinite++;
                outside++;
            }
            else if (profile.Min is { } min && profile.Max is { } max && (v < min || (v > max && !dates)))
            {
                outside++;
            }
        }

        if (infinite > 0)
        {
            findings.Add(new QualityFinding(profile.Name, QualityFindingKind.NonFinite, QualitySeverity.Warning,
                Text($"{infinite} cells are ±Infinity; drift tests treat them as missing"), infinite));
        }

        if (outside > 0 && profile.Min is { } low)
        {
            var share = (double)outside / present;
            var detail = dates
                ? Text($"{outside} dates ({share:P1} of non-missing) before the training period, which starts {DateTime.UnixEpoch.AddSeconds(low):yyyy-MM-dd'T'HH:mm:ss}")
                : Text($"{outside} values ({share:P1} of non-missing) outside the training range [{profile.Min:G6}, {profile.Max:G6}]");
            findings.Add(new QualityFinding(profile.Name, QualityFindingKind.OutOfRange,
                share >= options.OutOfRangeWarningShare ? QualitySeverity.Warning : QualitySeverity.Info, detail, share));
        }
    }

    private static string Name(ColumnKind kind) => kind.ToString().ToLowerInvariant();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
