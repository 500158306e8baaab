using System.Net;
using System.Net.Sockets;

namespace Vigil.TestSupport.Servers;

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts (bound and released at once; a race is unlikely).</summary>
public static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
