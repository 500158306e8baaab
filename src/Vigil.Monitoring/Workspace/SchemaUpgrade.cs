namespace Vigil.Monitoring.Workspace;

/// <summary>What <c>vigil migrate</c> did: the schema version found and the one left (equal when nothing was pending).</summary>
/// <param name="Store">Where, as it may be printed (never a password).</param>
public sealed record SchemaUpgrade(string Store, int From, int To)
{
    /// <summary>True when migrations were applied.</summary>
    public bool Changed => From != To;
}
