namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Where a batch reader puts what is wrong with its rows. A structural problem (no id, a features value that is an
/// object, a malformed timestamp) always refuses the batch. A schema problem (a feature of the wrong type, unknown or
/// missing features) refuses it too, unless the request is lenient: then the row is stored as sent and the problem
/// is counted as a finding of the answer.
/// </summary>
internal sealed class BatchProblems(bool lenient)
{
    private int _schemaErrors;

    public bool Lenient { get; } = lenient;

    /// <summary>Problems that refuse the batch (422, nothing stored).</summary>
    public RowProblemList Errors { get; } = new();

    /// <summary>Schema problems of a lenient batch: the rows are stored and these are reported.</summary>
    public RowProblemList Findings { get; } = new();

    /// <summary>Records a structural problem; returns false (the row cannot be stored).</summary>
    public bool Structural(RowProblem problem)
    {
        Errors.Add(problem);
        return false;
    }

    /// <summary>Records a schema problem; returns true when the row may still be stored (lenient).</summary>
    public bool Schema(RowProblem problem)
    {
        if (!Lenient)
        {
            _schemaErrors++;
        }

        (Lenient ? Findings : Errors).Add(problem);
        return Lenient;
    }

    /// <summary>422 listing the refused rows when there are any.</summary>
    public void ThrowIfAny(int rows, string noun)
    {
        if (Errors.Count == 0)
        {
            return;
        }

        var listed = Errors.Count > Errors.Listed.Count ? $" The first {Errors.Listed.Count} problems are listed." : "";
        // Only schema problems: the caller may choose to store such rows and count them instead.
        var hint = _schemaErrors == Errors.Count
            ? " To store rows that do not match the champion's schema and count them as findings instead, send ?lenient=true (or set Vigil:LenientIngestion)."
            : "";
        throw ApiProblemException.Unprocessable(
            $"{Errors.Rows} of {rows} {noun} are invalid; nothing was stored.{listed}{hint}",
            Errors.Messages(), Errors.Listed);
    }
}
