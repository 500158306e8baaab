using System.Globalization;

namespace Vigil.Replay;

/// <summary>Builds the built-in strategies from their names: static, periodic:K, seed, vigil, vigil-perf.</summary>
public static class ReplayStrategies
{
    /// <summary>The strategies replayed when none is named.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["static", "periodic:1", "seed", "vigil"];

    /// <summary>Parses one name; throws <see cref="ReplayInputException"/> for an unknown one.</summary>
    public static IReplayStrategy Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant();
        if (text == "static")
        {
            return new StaticStrategy();
        }

        if (text == "seed")
        {
            return new SeedRuleStrategy();
        }

        if (text == "vigil")
        {
            return new VigilPolicyStrategy();
        }

        if (text == "vigil-perf")
        {
            return VigilPolicyStrategy.PerformanceOnly();
        }

        if (text.StartsWith("periodic", StringComparison.Ordinal))
        {
            var k = text.Length == "periodic".Length ? "1" : text["periodic".Length..].TrimStart(':');
            if (int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var every) && every >= 1)
            {
                return new PeriodicStrategy(every);
            }

            throw new ReplayInputException($"'{name}': periodic needs a whole number of batches ≥ 1, as in periodic:4.");
        }

        throw new ReplayInputException($"Unknown strategy '{name}'. Use static, periodic:K (e.g. periodic:1), seed, vigil or vigil-perf.");
    }

    /// <summary>Parses several names (the defaults when none), rejecting duplicates.</summary>
    public static IReadOnlyList<IReplayStrategy> ParseAll(IEnumerable<string>? names)
    {
        var list = names?.Where(n => !string.IsNullOrWhiteSpace(n)).ToList() is { Count: > 0 } given ? given : DefaultNames.ToList();
        var strategies = list.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Parse).ToList();
        var duplicate = strategies.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReplayInputException($"Strategy '{duplicate.Key}' is named twice.");
        }

        return strategies;
    }
}
