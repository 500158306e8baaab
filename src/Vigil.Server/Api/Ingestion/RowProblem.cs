using System.Globalization;
using System.Text.Json.Serialization;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// One thing wrong with one row of a batch: the row's index in the request, the field (<c>id</c>,
/// <c>features.age</c>, <c>features</c> for the object as a whole), what was expected and what was found.
/// </summary>
/// <param name="Item">What a row is called in messages ("row", "label").</param>
public sealed record RowProblem(int Row, string Field, string Expected, string Found, [property: JsonIgnore] string Item = "row")
{
    /// <summary>One line: "row 3: feature 'age': expected a number …, found the string "forty"".</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"{Item} {Row}: {Subject}expected {Expected}, found {Found}");

    private string Subject => Field.Length == 0 ? ""
        : Field.StartsWith("features.", StringComparison.Ordinal) ? $"feature '{Field[9..]}': "
        : $"'{Field}': ";
}
