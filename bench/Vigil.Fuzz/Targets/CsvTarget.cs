using Vigil.Data.Csv;

namespace Vigil.Fuzz.Targets;

/// <summary>
/// The CSV reader as every command uses it: the bytes are a file on disk read by <see cref="CsvTableReader.Read(string, CsvReadOptions?)"/>
/// (encoding detection, delimiter sniffing, Sep's splitting, header checks, type inference). Documented error:
/// <see cref="CsvFormatException"/>.
/// </summary>
internal sealed class CsvTarget : FuzzTarget
{
    private readonly ScratchFolder _scratch = new("csv");

    public override string Name => "csv";

    public override string DocumentedErrors => nameof(CsvFormatException);

    protected override void Execute(byte[] data)
    {
        var path = _scratch.File("input.csv");
        File.WriteAllBytes(path, data);
        var table = CsvTableReader.Read(path);
        _ = table.RowCount;
    }

    protected override bool IsDocumented(Exception exception) => exception is CsvFormatException;

    protected override void Dispose(bool disposing)
    {
        _scratch.Dispose();
        base.Dispose(disposing);
    }
}
