namespace Vigil.Cli;

/// <summary>Process exit codes of <c>vigil</c>. Scripts may rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success; for checks: healthy, nothing drifted.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found an alarm (drift, degradation).</summary>
    public const int Alarm = 1;

    /// <summary>Bad arguments or bad input (a missing file, a malformed CSV, an unknown column): the message says what and where.</summary>
    public const int UsageOrInput = 2;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>An unexpected failure inside Vigil (a bug).</summary>
    public const int InternalError = 70;
}
