namespace Vigil.Monitoring.Workspace;

/// <summary>
/// What one <c>PRAGMA wal_checkpoint(PASSIVE)</c> did: the WAL's frames, how many of them are now copied into the
/// database file, and whether it had to stop short because a writer or reader held what it needed.
/// </summary>
/// <param name="Busy">True when the checkpoint could not take its lock (another checkpoint was running).</param>
/// <param name="LogFrames">Frames in the WAL when it ran.</param>
/// <param name="CheckpointedFrames">Frames copied into the database file (this run and earlier ones).</param>
public readonly record struct WalCheckpoint(bool Busy, long LogFrames, long CheckpointedFrames);
