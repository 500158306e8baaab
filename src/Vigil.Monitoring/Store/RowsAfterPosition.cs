namespace Vigil.Monitoring.Store;

/// <summary>
/// Logged rows of a model after a log position (<c>predictions.seq</c>, which follows commit order per model on both
/// stores), counted in one statement: <see cref="Rows"/> of them, the newest at <see cref="Through"/> (the position
/// asked for when there were none). A count from <see cref="Through"/> on continues exactly where this one stopped.
/// </summary>
public readonly record struct RowsAfterPosition(long Rows, long Through);
