namespace Vigil.AutoML.Learners;

/// <summary>What a learner needs besides its configuration to build a trainer.</summary>
internal sealed record TrainerSettings(AutoMLTask Task, int ClassCount, int Threads, int Seed);
