using Vigil.Data.Files;
using Vigil.Data.Parquet;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The Parquet reader as every command uses it: the bytes are a <c>.parquet</c> file read by <see cref="TableFile.Read"/>
/// (frame check, footer, schema to kinds, row group by row group decoding through Parquet.Net). Documented error:
/// <see cref="ParquetFormatException"/>.
/// </summary>
internal sealed class ParquetTarget : FuzzTarget
{
    private readonly ScratchFolder _scratch = new("parquet");

    public override string Name => "parquet";

    public override string DocumentedErrors => nameof(ParquetFormatException);

    protected override void Execute(byte[] data)
    {
        var path = _scratch.File("input.parquet");
        File.WriteAllBytes(path, data);
        var table = TableFile.Read(path);
        _ = table.RowCount;
    }

    protected override bool IsDocumented(Exception exception) => exception is ParquetFormatException;

    protected override void Dispose(bool disposing)
    {
        _scratch.Dispose();
        base.Dispose(disposing);
    }
}
