using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// One client address holds at most Security:MaxCircuitsPerClient live self-check connections, the instance at most
/// Security:MaxCircuits; the next is refused (at negotiation, and again when its connection opens) until one closes.
/// Long polling is not offered. Real SignalR negotiations, WebSockets and polls against the test server.
/// </summary>
public sealed class CircuitLimitTests : IDisposable
{
    private const string Address = "203.0.113.50";
    private readonly RunBackFactory _factory = new();
    private readonly List<WebSocket> _sockets = [];

    public CircuitLimitTests() => _factory.Settings["Security:MaxCircuitsPerClient"] = "2";

    private async Task<HttpResponseMessage> NegotiateAsync(string address)
    {
        using var client = _factory.CreateBrowserLikeClient(address);
        return await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
    }

    /// <summary>Negotiates and opens the circuit's WebSocket, held open until the test closes it.</summary>
    private async Task<WebSocket> OpenCircuitConnectionAsync(string address)
    {
        var negotiation = await NegotiateAsync(address);
        Assert.Equal(HttpStatusCode.OK, negotiation.StatusCode);
        var token = JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers[ClientAddressStandIn.Header] = address;
        var socket = await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, $"/_blazor?id={token}"), CancellationToken.None);
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>Opens the circuit's WebSocket for a negotiated token; false when the server refuses the handshake.</summary>
    private async Task<bool> TryOpenAsync(string address, string token)
    {
        var client = _factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers[ClientAddressStandIn.Header] = address;
        try
        {
            _sockets.Add(await client.ConnectAsync(new Uri(_factory.Server.BaseAddress, $"/_blazor?id={token}"), CancellationToken.None));
            return true;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("Incomplete handshake", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private async Task<string> NegotiatedTokenAsync(string address)
    {
        var negotiation = await NegotiateAsync(address);
        Assert.Equal(HttpStatusCode.OK, negotiation.StatusCode);
        return JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;
    }

    /// <summary>Issue 24 item 1: all negotiations first, then the WebSockets: only the maximum open (the audit opened 60 of 60).</summary>
    [Fact]
    public async Task NegotiatingFirst_ThenOpeningEveryWebSocket_OpensOnlyTheMaximum()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            tokens.Add(await NegotiatedTokenAsync(Address));
        }

        var opened = 0;
        foreach (var token in tokens)
        {
            opened += await TryOpenAsync(Address, token) ? 1 : 0;
        }

        Assert.Equal(2, opened);
    }

    /// <summary>Issue 24 item 1: long polling is not offered, and a poll does not open a connection (the audit opened 300 of 300).</summary>
    [Fact]
    public async Task LongPolling_NotOffered_AndNoPollOpensAConnection()
    {
        using var client = _factory.CreateBrowserLikeClient(Address);
        client.Timeout = TimeSpan.FromSeconds(20);
        var opened = 0;
        for (var i = 0; i < 4; i++)
        {
            var negotiation = JsonDocument.Parse(await (await NegotiateAsync(Address)).Content.ReadAsStringAsync()).RootElement;
            var offered = negotiation.GetProperty("availableTransports").EnumerateArray().Select(t => t.GetProperty("transport").GetString()).ToList();
            Assert.DoesNotContain("LongPolling", offered);
            Assert.Contains("WebSockets", offered);
            var poll = await client.GetAsync($"/_blazor?id={negotiation.GetProperty("connectionToken").GetString()}");
            opened += poll.IsSuccessStatusCode ? 1 : 0;
        }

        Assert.Equal(0, opened);
    }

    /// <summary>
    /// Issue 24 item 1: the instance's ceiling (Security:MaxCircuits) holds whatever the addresses, checked when the
    /// connection opens; the self-check page answers a styled "busy" page (503), or "too many open" (429) for a full address.
    /// </summary>
    [Fact]
    public async Task InstanceCeiling_RefusesEveryAddress_WithAStyledBusyPage()
    {
        _factory.Settings["Security:MaxCircuitsPerClient"] = "1";
        _factory.Settings["Security:MaxCircuits"] = "2";
        Assert.True(await TryOpenAsync("203.0.113.1", await NegotiatedTokenAsync("203.0.113.1")));
        var early = await NegotiatedTokenAsync("203.0.113.3"); // negotiated while there was room
        Assert.True(await TryOpenAsync("203.0.113.2", await NegotiatedTokenAsync("203.0.113.2")));

        Assert.False(await TryOpenAsync("203.0.113.3", early));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await NegotiateAsync("198.51.100.4")).StatusCode);
        using var newcomer = _factory.CreateBrowserLikeClient("198.51.100.4");
        var busy = await newcomer.GetAsync("/check");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.True(busy.Headers.Contains("Content-Security-Policy"));
        var page = await busy.Content.ReadAsStringAsync();
        Assert.Contains("The self-check is busy just now", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\"", page, StringComparison.Ordinal);
        Assert.Contains("Go to emergency care now", page, StringComparison.Ordinal);
        using var full = _factory.CreateBrowserLikeClient("203.0.113.1");
        var tooMany = await full.GetAsync("/check");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Contains("Too many self-checks are open", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThirdConnectionFromOneAddress_Refused429_OtherAddressesUnaffected_AndFreedWhenOneCloses()
    {
        var first = await OpenCircuitConnectionAsync(Address);
        await OpenCircuitConnectionAsync(Address);

        var refused = await NegotiateAsync(Address);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many self-check pages are open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync("198.51.100.9")).StatusCode);

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, "tab closed", CancellationToken.None);

        // The server counts the connection closed once its request ends: wait for that, bounded.
        var status = HttpStatusCode.TooManyRequests;
        for (var attempt = 0; attempt < 200 && status == HttpStatusCode.TooManyRequests; attempt++)
        {
            status = (await NegotiateAsync(Address)).StatusCode;
            if (status == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(50);
            }
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Abort();
            socket.Dispose();
        }
        _factory.Dispose();
    }
}
