using System.Text.Json;
using Vigil.Monitoring.Persistence;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Where the scheduler stands per model: the logged-row count and time of its last scheduled check. Kept in
/// <c>scheduler.json</c> in the workspace (written atomically), so after a restart the scheduler resumes counting
/// from the last check instead of re-checking everything or forgetting rows that arrived before the restart.
/// </summary>
internal sealed class SchedulerCursor
{
    private readonly string _path;
    private readonly Dictionary<string, Position> _positions;

    public SchedulerCursor(string workspaceFolder)
    {
        _path = Path.Combine(workspaceFolder, "scheduler.json");
        _positions = Load(_path);
    }

    public Position? Get(string model) => _positions.TryGetValue(model, out var p) ? p : null;

    public void Set(string model, Position position)
    {
        _positions[model] = position;
        AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_positions));
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

    /// <param name="Rows">Logged rows of the model when it was last checked.</param>
    /// <param name="CheckedAt">When that check ran.</param>
    public sealed record Position(long Rows, DateTimeOffset CheckedAt);
}
