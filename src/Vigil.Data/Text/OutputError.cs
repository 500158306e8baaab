namespace Vigil.Data.Text;

/// <summary>
/// Errors of writers that go through a temporary file and a rename: the temporary name means nothing to the user,
/// so the error names the file they asked for.
/// </summary>
public static class OutputError
{
    /// <summary>The exception to throw instead of <paramref name="error"/>, naming <paramref name="target"/> rather than <paramref name="temporary"/>.</summary>
    public static Exception Naming(string target, string temporary, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            UnauthorizedAccessException => new UnauthorizedAccessException($"Cannot write {target}: permission denied.", error),
            DirectoryNotFoundException => new DirectoryNotFoundException($"Cannot write {target}: its folder does not exist.", error),
            _ => new IOException($"Cannot write {target}: {error.Message.Replace(temporary, target, StringComparison.Ordinal)}", error),
        };
    }
}
