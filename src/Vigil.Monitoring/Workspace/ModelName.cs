using System.Text.RegularExpressions;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// The rule for model names. A name becomes a folder under <c>models/</c>, so it may hold only letters, digits,
/// '.', '_' and '-', must start with a letter or digit (no "..", no hidden folders) and has 1 to 64 characters.
/// </summary>
public static partial class ModelName
{
    /// <summary>The pattern every model name must match.</summary>
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /// <summary>True when <paramref name="name"/> is a valid model name.</summary>
    public static bool IsValid(string? name) => name is not null && NameRegex().IsMatch(name);

    /// <summary>Returns <paramref name="name"/> unchanged, or throws <see cref="WorkspaceInputException"/> saying why it is not valid.</summary>
    public static string Validate(string? name)
    {
        if (IsValid(name))
        {
            return name!;
        }

        var shown = name is null ? "(null)" : $"'{name}'";
        throw new WorkspaceInputException(
            $"Invalid model name {shown}: expected 1 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-', " +
            "starting with a letter or digit (no path separators, no '..').");
    }

    // \A and \z rather than ^ and $: "$" would accept a trailing newline.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();
}
