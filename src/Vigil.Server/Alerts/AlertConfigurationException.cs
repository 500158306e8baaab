namespace Vigil.Server.Alerts;

/// <summary>A mistake in the <c>Vigil:Alerts</c> settings: the service refuses to start and says which setting, in one line.</summary>
public sealed class AlertConfigurationException : Exception
{
    public AlertConfigurationException()
    {
    }

    public AlertConfigurationException(string message)
        : base(message)
    {
    }

    public AlertConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
