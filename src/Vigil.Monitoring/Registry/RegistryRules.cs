using System.Globalization;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Registry;

/// <summary>The rules every <see cref="IModelRegistry"/> applies the same way, whatever its database.</summary>
public static class RegistryRules
{
    /// <summary>Event kinds as stored in <c>registry_events.kind</c>.</summary>
    public static string KindName(RegistryEventKind kind) => kind switch
    {
        RegistryEventKind.Registered => "registered",
        RegistryEventKind.Promoted => "promoted",
        RegistryEventKind.RolledBack => "rolled_back",
        RegistryEventKind.Kept => "kept",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The event kind stored as <paramref name="kind"/>; <see cref="InvalidDataException"/> for any other text.</summary>
    public static RegistryEventKind ParseKind(string kind) => kind switch
    {
        "registered" => RegistryEventKind.Registered,
        "promoted" => RegistryEventKind.Promoted,
        "rolled_back" => RegistryEventKind.RolledBack,
        "kept" => RegistryEventKind.Kept,
        _ => throw new InvalidDataException($"Unknown registry event kind '{kind}' in the database."),
    };

    /// <summary>Refuses an incomplete <see cref="ModelVersionInfo"/> before anything is stored.</summary>
    public static void Validate(ModelVersionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrEmpty(info.Learner, nameof(info.Learner));
        ArgumentNullException.ThrowIfNull(info.ConfigJson, nameof(info.ConfigJson));
        ArgumentNullException.ThrowIfNull(info.Metrics, nameof(info.Metrics));
        ArgumentNullException.ThrowIfNull(info.TrainingFingerprint, nameof(info.TrainingFingerprint));
        ArgumentNullException.ThrowIfNull(info.CreatedBy, nameof(info.CreatedBy));
        ArgumentNullException.ThrowIfNull(info.Reason, nameof(info.Reason));
        ArgumentOutOfRangeException.ThrowIfNegative(info.TrainingRows, nameof(info.TrainingRows));
    }

    /// <summary>The error for an unknown version, naming the versions (or models) that exist.</summary>
    public static WorkspaceInputException UnknownVersion(string model, int version, IReadOnlyList<int> versions, IReadOnlyList<string> models)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(models);
        if (versions.Count == 0)
        {
            return new WorkspaceInputException(
                $"Model '{model}' is not registered; models: {(models.Count == 0 ? "(none)" : string.Join(", ", models))}.");
        }

        return new WorkspaceInputException(
            $"Model '{model}' has no version {version.ToString(CultureInfo.InvariantCulture)}; versions: " +
            string.Join(", ", versions.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ".");
    }

    /// <summary>
    /// The version a rollback returns to, from the model's promotion and rollback events in order (the history is a
    /// stack: each promotion pushes, each rollback pops); <see cref="WorkspaceInputException"/> when there is none.
    /// </summary>
    public static int RollbackTarget(string model, int champion, IEnumerable<(RegistryEventKind Kind, int ToVersion)> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var stack = new List<int>();
        foreach (var (kind, to) in history)
        {
            if (kind == RegistryEventKind.Promoted)
            {
                stack.Add(to);
            }
            else if (kind == RegistryEventKind.RolledBack && stack.Count > 0)
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        if (stack.Count < 2 || stack[^1] != champion)
        {
            throw new WorkspaceInputException(
                $"Model '{model}' has no earlier champion to roll back to (champion is version {champion.ToString(CultureInfo.InvariantCulture)}).");
        }

        return stack[^2];
    }
}
