using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>Reads a window file (CSV or Parquet) so its columns line up with a model's reference profile.</summary>
internal static class WindowReader
{
    /// <summary>
    /// Reads <paramref name="path"/> with kinds inferred, then turns numeric- or date-looking columns that the profile
    /// compares as categories back into categories (codes such as "01" stay text in the profile; profiles made before
    /// the reader inferred ISO dates hold date columns as categories). Columns the profile calls numeric
    /// but that hold text stay categorical, so the quality check reports the type change instead of the reader failing.
    /// </summary>
    public static Table Read(string path, ReferenceProfile profile, CsvEncoding encoding)
    {
        var table = TableFile.Read(path, new CsvReadOptions { Encoding = encoding });
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
