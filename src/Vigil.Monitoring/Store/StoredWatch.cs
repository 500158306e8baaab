using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Store;

/// <summary>A model's watched metrics as stored in the workspace, with who set them and when.</summary>
public sealed record StoredWatch(WatchedMetrics Metrics, DateTimeOffset SetAt, string SetBy);
