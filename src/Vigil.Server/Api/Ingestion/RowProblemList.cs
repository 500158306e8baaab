namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// Problems of a batch, counted in full but listed only up to <see cref="MaxListed"/>, so a batch of a million bad
/// rows costs a few lines of answer, not a copy of the batch.
/// </summary>
internal sealed class RowProblemList
{
    public const int MaxListed = 20;

    private readonly List<RowProblem> _listed = [];
    private int _lastRow = -1;

    public IReadOnlyList<RowProblem> Listed => _listed;

    /// <summary>Every problem, listed or not.</summary>
    public int Count { get; private set; }

    /// <summary>Distinct rows with at least one problem (rows are added in order).</summary>
    public int Rows { get; private set; }

    public void Add(RowProblem problem)
    {
        if (_listed.Count < MaxListed)
        {
            _listed.Add(problem);
        }

        Count++;
        if (problem.Row != _lastRow)
        {
            _lastRow = problem.Row;
            Rows++;
        }
    }

    /// <summary>The messages of the listed problems (the <c>errors</c> of a ProblemDetails).</summary>
    public IReadOnlyList<string> Messages() => _listed.ConvertAll(p => p.Message);
}
