namespace Vigil.Data.Csv;

/// <summary>The text encoding of a CSV file read from disk.</summary>
public enum CsvEncoding
{
    /// <summary>
    /// UTF-8, with or without a byte-order mark (the default). A byte sequence that is not UTF-8 is an error that
    /// names the line, the character and the byte offset; nothing is replaced silently. A file that starts with a
    /// UTF-16 byte-order mark is read as UTF-16.
    /// </summary>
    Utf8,

    /// <summary>ISO-8859-1 (Latin-1): every byte is one character, so no byte is invalid. For files exported by older tools.</summary>
    Latin1,
}
