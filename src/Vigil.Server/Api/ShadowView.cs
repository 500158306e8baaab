using Vigil.Monitoring.Shadows;

namespace Vigil.Server.Api;

/// <summary>A model's shadow: its version (null when it has none) and, when set, where it stands against the champion.</summary>
public sealed record ShadowView(string Model, int? ShadowVersion, ShadowStatus? Status)
{
    /// <summary>With a promotion: the version that became champion.</summary>
    public int? PromotedVersion { get; init; }
}
