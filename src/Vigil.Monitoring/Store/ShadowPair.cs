namespace Vigil.Monitoring.Store;

/// <summary>A labelled logged row with what the shadow made of it: both sides of a champion/shadow comparison.</summary>
public sealed record ShadowPair(LoggedRow Row, ShadowScore Shadow);
