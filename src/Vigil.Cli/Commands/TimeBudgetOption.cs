using System.CommandLine;
using System.Globalization;

namespace Vigil.Cli.Commands;

/// <summary>
/// The rules every <c>--time-budget</c> shares (train, retrain, replay, demo): a finite number of seconds, not negative,
/// at most <see cref="MaxSeconds"/>. Each command adds its own rule for 0 (no limit). Before, "NaN" slipped past the
/// sign checks and came back as "invalid setting TimeBudget: Give a time budget, a maximum trial count, or both", and
/// 1e10 as "invalid setting delay: Specified argument was out of the range of valid values" from a timer.
/// </summary>
internal static class TimeBudgetOption
{
    /// <summary>The longest budget: about 11.6 days, well inside what .NET timers take (24.8 days with the hard limit's margin).</summary>
    public const double MaxSeconds = 1_000_000;

    /// <summary>Adds the shared checks to <paramref name="option"/>, run while the command line is parsed.</summary>
    public static TOption ChecksTimeBudget<TOption>(this TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            // Not a number at all is the parser's own error; this judges the numbers it takes.
            if (result.Tokens.Count == 0
                || !double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return;
            }

            if (!double.IsFinite(seconds) || seconds < 0 || seconds > MaxSeconds)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Option.Name} must be a number of seconds from 0 to {MaxSeconds:N0} (0 = no limit where the command allows it), not {result.Tokens[0].Value}."));
            }
        });
        return option;
    }
}
