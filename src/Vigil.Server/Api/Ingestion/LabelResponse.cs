namespace Vigil.Server.Api.Ingestion;

/// <summary>What <c>POST /labels</c> returns; the first three counts add up to the batch.</summary>
/// <param name="InvalidLabels">Labels stored by lenient ingestion although they do not fit the champion's task (0 when strict).</param>
/// <param name="Findings">Their problems (at most 20 listed).</param>
public sealed record LabelResponse(int Joined, int Pending, int Duplicates, int InvalidLabels, IReadOnlyList<RowProblem> Findings);
