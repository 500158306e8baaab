namespace Vigil.Server.Api;

/// <summary>What /predict returns: the champion that scored, one result per row (in request order) and what was logged.</summary>
/// <param name="Duplicates">Rows whose id was already logged: scored and returned, but the first logged row stays.</param>
public sealed record PredictResponse(string Model, int ModelVersion, IReadOnlyList<PredictedRow> Results, int Inserted, int Duplicates);
