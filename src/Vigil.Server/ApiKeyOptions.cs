namespace Vigil.Server;

/// <summary>One API key: its secret and whether it may write (ingest, promote, retrain, run checks) or only read.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key; recorded as the actor of promotions, rollbacks and retrains.</summary>
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary><c>read</c> or <c>write</c> (write includes read).</summary>
    public string Scope { get; set; } = "read";
}
