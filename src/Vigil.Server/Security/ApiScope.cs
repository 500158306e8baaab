namespace Vigil.Server.Security;

/// <summary>What a key may do. Write includes read.</summary>
public enum ApiScope
{
    None = 0,
    Read = 1,
    Write = 2,
}
