namespace Vigil.Server.Tests.Dashboard;

/// <summary>Every dashboard test class shares one populated workspace and one running app (training is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
