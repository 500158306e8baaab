namespace Vigil.Monitoring.Registry;

/// <summary>What happened to a model in the registry.</summary>
public enum RegistryEventKind
{
    /// <summary>A version was registered (ToVersion); FromVersion is null.</summary>
    Registered,

    /// <summary>ToVersion became champion, replacing FromVersion (null when there was none).</summary>
    Promoted,

    /// <summary>The champion went back from FromVersion to the champion before it, ToVersion.</summary>
    RolledBack,

    /// <summary>A challenger (ToVersion) was evaluated and the champion (FromVersion) kept.</summary>
    Kept,
}
