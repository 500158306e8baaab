using Vigil.Data.Tables;

namespace Vigil.Monitoring.Profiles;

/// <summary>Lines up the columns of rows read from a file with a model's reference profile.</summary>
public static class ProfileAlignment
{
    /// <summary>
    /// Turns numeric- or date-looking columns that the profile compares as categories back into categories (codes
    /// such as "01" stay text in the profile; profiles made before the reader inferred ISO dates hold date columns as
    /// categories). Columns the profile calls numeric but that hold text stay categorical, so the quality check
    /// reports the type change instead of the reader failing.
    /// </summary>
    public static Table Align(ReferenceProfile profile, Table table)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in table.Columns.ToArray())
        {
            var expected = profile.Find(column.Name);
            if (expected is not null && expected.ComparedAsCategorical && column is NumericColumn or DateTimeColumn)
            {
                var text = Enumerable.Range(0, column.Length).Select(column.FormatCell).ToArray();
                table = table.WithColumn(CategoricalColumn.FromValues(column.Name, text));
            }
        }

        return table;
    }
}
