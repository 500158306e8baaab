using System.Net;
using System.Net.Sockets;

namespace Vigil.TestSupport.Servers;

/// <summary>
/// A TCP forwarder on a loopback port in front of a real server, so one test can cut its own process off from a
/// server the whole test run shares: <see cref="Cut"/> closes every forwarded connection and refuses new ones (what
/// a client sees when the server crashes or the network drops), <see cref="Restore"/> accepts again on the same port.
/// </summary>
public sealed class LoopbackProxy : IDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private readonly object _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private volatile bool _rejecting;
    private int _rejected;

    private LoopbackProxy(int target, int port)
    {
        _target = target;
        Port = port;
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Forwards a free loopback port to <paramref name="targetPort"/> on 127.0.0.1.</summary>
    public static LoopbackProxy Start(int targetPort)
    {
        var proxy = new LoopbackProxy(targetPort, LoopbackPort.Next());
        proxy.Restore();
        return proxy;
    }

    /// <summary>Closes every forwarded connection and stops listening: new connections are refused.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _rejecting = false;
            _accepting?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                if (client.Client is { Connected: true } socket)
                {
                    socket.LingerState = new LingerOption(true, 0); // a reset, as from a host that went away
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Connections reset by <see cref="Reject"/> so far: a test sees that a client tried while it was down.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>
    /// Like <see cref="Cut"/>, but every new connection is accepted and reset at once (and counted in
    /// <see cref="Rejected"/>), so a test can wait until a client has tried.
    /// </summary>
    public void Reject()
    {
        Cut();
        _rejecting = true;
        Restore();
    }

    /// <summary>Listens (again) on <see cref="Port"/> and forwards.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                if (_rejecting)
                {
                    _rejecting = false;
                }

                return;
            }

            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _accepting = new CancellationTokenSource();
            _ = AcceptAsync(_listener, _accepting.Token);
        }
    }

    public void Dispose() => Cut();

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_rejecting)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
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
                if (cancellationToken.IsCancellationRequested)
                {
                    inbound.Dispose();
                    outbound.Dispose();
                    return;
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
