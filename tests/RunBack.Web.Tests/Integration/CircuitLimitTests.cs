using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// One client address holds at most Security:MaxCircuitsPerClient live self-check connections; the next is refused at
/// negotiation until one closes. Real SignalR negotiations and WebSockets against the test server.
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
