using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>BOOLEAN as a <see cref="BooleanColumn"/>; a null is missing.</summary>
internal sealed class BooleanSink(DataField field, int rows) : ColumnSink(field, rows)
{
    private readonly bool?[] _values = new bool?[rows];

    public override async Task ReadAsync(ParquetRowGroupReader group, int offset, int count, string source) =>
        await ReadInto(group, _values.AsMemory(offset, count)).ConfigureAwait(false);

    public override Column Build() => new BooleanColumn(Name, _values);
}
