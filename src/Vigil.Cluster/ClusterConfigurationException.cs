namespace Vigil.Cluster;

/// <summary>A cluster setting that cannot work; the message names the key. <c>vigil serve</c> exits 2 with it.</summary>
public sealed class ClusterConfigurationException : Exception
{
    public ClusterConfigurationException()
    {
    }

    public ClusterConfigurationException(string message)
        : base(message)
    {
    }

    public ClusterConfigurationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
