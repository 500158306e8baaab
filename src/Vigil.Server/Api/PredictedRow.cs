namespace Vigil.Server.Api;

/// <summary>One scored row: its id (generated when the request gave none), the predicted label or value, and the score.</summary>
public sealed record PredictedRow(string Id, string Prediction, double Score);
