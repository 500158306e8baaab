using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Which <see cref="ColumnKind"/> each Parquet type becomes (docs/data.md has the table): integers of any width,
/// FLOAT, DOUBLE and DECIMAL → numeric; STRING, JSON, UTF-8 binary and UUID → categorical; BOOLEAN → boolean; DATE,
/// TIMESTAMP (any unit) and legacy INT96 → date-time. Nested columns (lists, maps, structs, repeated fields), times
/// of day and intervals are refused with the column's name.
/// </summary>
internal static class ParquetColumnKinds
{
    /// <summary>What a column must be, for errors.</summary>
    public const string Supported = "a flat column of integers, floats, decimals, strings, booleans, dates or timestamps";

    /// <summary>Why <paramref name="field"/> cannot be read (what it is), or null when it can.</summary>
    public static string? Unsupported(Field field) => field switch
    {
        ListField => "a list (nested data; flatten it or leave the column out)",
        MapField => "a map (nested data; flatten it or leave the column out)",
        StructField => "a struct (nested data; flatten it or leave the column out)",
        TimeDataField => "a time of day (TIME; store it as seconds or as text)",
        DataField { IsArray: true } => "a repeated field (nested data; flatten it or leave the column out)",
        DataField d when Kind(d.ClrType) is null => Describe(d),
        DataField => null,
        _ => $"a {field.SchemaType} field",
    };

    /// <summary>The sink that builds <paramref name="field"/>'s column of <paramref name="rows"/> rows.</summary>
    public static ColumnSink Sink(DataField field, int rows) => Kind(field.ClrType) switch
    {
        ColumnKind.Numeric => new NumericSink(field, rows),
        ColumnKind.Boolean => new BooleanSink(field, rows),
        ColumnKind.DateTime => new DateTimeSink(field, rows),
        ColumnKind.Categorical => new TextSink(field, rows),
        _ => throw new InvalidOperationException($"Column '{field.Name}' has no supported kind."),
    };

    private static ColumnKind? Kind(Type type) => type switch
    {
        _ when type == typeof(bool) => ColumnKind.Boolean,
        _ when type == typeof(ReadOnlyMemory<char>) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Guid) => ColumnKind.Categorical,
        _ when type == typeof(DateTime) => ColumnKind.DateTime,
        _ when type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(sbyte) || type == typeof(byte)
            || type == typeof(short) || type == typeof(ushort) || type == typeof(int) || type == typeof(uint) || type == typeof(long)
            || type == typeof(ulong) => ColumnKind.Numeric,
        _ => null,
    };

    private static string Describe(DataField field) => field.ClrType switch
    {
        var t when t == typeof(TimeSpan) || t == typeof(TimeOnly) || field is TimeDataField => "a time of day (TIME; store it as seconds or as text)",
        var t => $"a column of {t.Name} values",
    };
}
