namespace Vigil.Monitoring.Tests;

public class SmokeTests
{
    [SkippableFact]
    public void SharedFolderIsFoundOrSkipped()
    {
        var oracles = Vigil.TestSupport.SharedData.RequireDirectory("oracles");
        Assert.True(Directory.Exists(oracles));
    }
}
