using System.Text.Json;
using Vigil.Data.Text;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Where the scheduler stands per model: the logged-row count and time of its last scheduled check, and the failure of
/// its scheduled checks if they fail. Kept in <c>scheduler.json</c> in the workspace (written atomically), so after a
/// restart the scheduler resumes counting from the last check instead of re-checking everything or forgetting rows
/// that arrived before the restart, and a failing model keeps its backoff. One instance per server (the scheduler
/// writes, the API reads), so every member takes the lock.
/// </summary>
internal sealed class SchedulerCursor : IScheduledCheckFailures
{
    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly Dictionary<string, Position> _positions;

    public SchedulerCursor(string workspaceFolder)
    {
        _path = Path.Combine(workspaceFolder, "scheduler.json");
        _positions = Load(_path);
    }

    public Position? Get(string model)
    {
        lock (_lock)
        {
            return _positions.TryGetValue(model, out var p) ? p : null;
        }
    }

    /// <summary>The failure of <paramref name="model"/>'s scheduled checks, or null when the last one succeeded.</summary>
    public ScheduledCheckFailure? Failure(string model) => Get(model)?.Failure;

    public Task<ScheduledCheckFailure?> Of(string model) => Task.FromResult(Failure(model));

    public void Set(string model, Position position)
    {
        lock (_lock)
        {
            _positions[model] = position;
            AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_positions));
        }
    }

    private static Dictionary<string, Position> Load(string path)
    {
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, Position>>(File.ReadAllText(path)) ?? []
                : [];
        }
        catch (JsonException)
        {
            return []; // a damaged cursor only costs one early check per model
        }
    }

    /// <param name="Rows">Logged rows of the model when it was last checked (0 before the first successful check).</param>
    /// <param name="CheckedAt">When that check ran; null before the first successful check.</param>
    /// <param name="Failure">Set while the scheduled checks of the model fail; null otherwise (and in older files).</param>
    public sealed record Position(long Rows, DateTimeOffset? CheckedAt, ScheduledCheckFailure? Failure = null);
}
