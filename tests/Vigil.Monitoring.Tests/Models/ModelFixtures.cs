using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Tests.Models;

/// <summary>The ONNX test models of Models/Fixtures (made by make_test_models.py) and the shared ones in ../shared/models.</summary>
internal static class ModelFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "Fixtures", name);

    public static byte[] Onnx(string name) => File.ReadAllBytes(Path(name + ".onnx"));

    public static Table Csv(string path) => CsvTableReader.Read(path);

    public static string[] Features(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    /// <summary>The expected.csv columns as numbers (the label column as text).</summary>
    public static (string[] Labels, double[][] Columns, string[] Names) Expected(string path)
    {
        var table = CsvTableReader.Read(path);
        var names = table.ColumnNames.Where(n => n != "label").ToArray();
        var labels = table.TryGetColumn("label", out var l) ? Enumerable.Range(0, table.RowCount).Select(i => l.FormatCell(i)!).ToArray() : [];
        var columns = names.Select(n => ((NumericColumn)table[n]).Values.ToArray()).ToArray();
        return (labels, columns, names);
    }

    public static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
