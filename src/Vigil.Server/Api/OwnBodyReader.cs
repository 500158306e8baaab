namespace Vigil.Server.Api;

/// <summary>
/// Endpoint metadata: the endpoint reads and checks its body itself (the ingestion readers, on one pooled buffer),
/// so <see cref="JsonBodyGuard"/> leaves it alone rather than buffering a large body twice.
/// </summary>
internal sealed class OwnBodyReader
{
    public static OwnBodyReader Instance { get; } = new();
}
