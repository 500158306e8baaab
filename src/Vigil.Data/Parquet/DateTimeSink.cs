using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// DATE, TIMESTAMP and INT96 as a <see cref="DateTimeColumn"/>, the way the CSV reader treats dates: a timestamp
/// adjusted to UTC is <see cref="DateTimeKind.Utc"/> (as a CSV time with <c>Z</c> or an offset), a local timestamp,
/// a legacy INT96 one and a date are <see cref="DateTimeKind.Unspecified"/> (as a CSV time without a zone; a date is
/// its midnight). A null is missing.
/// </summary>
internal sealed class DateTimeSink(DataField field, int rows) : ColumnSink(field, rows)
{
    private readonly DateTime?[] _values = new DateTime?[rows];
    private readonly DateTimeKind _kind = field is DateTimeDataField { IsAdjustedToUTC: true, DateTimeFormat: not (DateTimeFormat.Date or DateTimeFormat.Impala) }
        ? DateTimeKind.Utc
        : DateTimeKind.Unspecified;

    public override async Task ReadAsync(ParquetRowGroupReader group, int offset, int count, string source)
    {
        await ReadInto(group, _values.AsMemory(offset, count)).ConfigureAwait(false);
        for (var i = offset; i < offset + count; i++)
        {
            if (_values[i] is { } d)
            {
                // The file's flag decides the kind; the library's kind is not relied on (the wall clock is kept).
                _values[i] = DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, _kind);
            }
        }
    }

    public override Column Build() => new DateTimeColumn(Name, _values);
}
