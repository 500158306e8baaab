namespace Vigil.Data.Files;

/// <summary>The formats <see cref="TableFile"/> reads and writes.</summary>
public enum TableFileFormat
{
    /// <summary>Delimited text with a header row (<see cref="Csv.CsvTableReader"/>).</summary>
    Csv,

    /// <summary>Apache Parquet (<see cref="Parquet.ParquetTableReader"/>).</summary>
    Parquet,
}
