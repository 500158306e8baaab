using System.Net;
using System.Net.Sockets;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A TCP forwarder on a loopback port in front of a real server, so one test can cut its own process off from a
/// server the whole test run shares: <see cref="Cut"/> resets every forwarded connection and every new one (what a
/// client sees when the server crashes or the network drops), <see cref="Restore"/> forwards again. The port stays
/// bound throughout, so no other socket can take it while the "server" is down.
/// </summary>
public sealed class LoopbackProxy : IDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private readonly object _gate = new();
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;
    private int _rejected;

    private LoopbackProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_stop.Token);
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Connections reset while cut: a test sees that a client tried while the server was "down".</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>Forwards a free loopback port to <paramref name="targetPort"/> on 127.0.0.1.</summary>
    public static LoopbackProxy Start(int targetPort) => new(targetPort);

    /// <summary>Resets every forwarded connection, and from now on every new one, until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var client in _open)
            {
                Reset(client);
            }

            _open.Clear();
        }
    }

    /// <summary>Forwards new connections again.</summary>
    public void Restore() => _cut = false;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        _stop.Dispose();
    }

    // A reset, as from a host that went away.
    private static void Reset(TcpClient client)
    {
        if (client.Client is { Connected: true } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        client.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Reset(inbound);
                Interlocked.Increment(ref _rejected);
                continue;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, _target, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                if (_cut)
                {
                    Reset(inbound);
                    outbound.Dispose();
                    Interlocked.Increment(ref _rejected);
                    continue;
                }

                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    // Copies one direction until either side closes, then closes both.
    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
