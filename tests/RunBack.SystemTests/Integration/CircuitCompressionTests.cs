using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using RunBack.Web.Tests.RealFaults;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// <c>Circuits:WebSocketCompression</c> (issue 28's circuit memory) as a browser meets it: the built app in its own
/// process, SignalR's negotiate, then the circuit's WebSocket opened with per-message deflate offered, and the extension
/// the server answers in its handshake read back.
/// </summary>
public sealed class CircuitCompressionTests
{
    [Theory]
    [InlineData(null, true, true)]
    [InlineData("On", true, false)]
    [InlineData("NoContextTakeover", true, true)]
    [InlineData("Off", false, false)]
    public async Task TheCircuitsWebSocket_NegotiatesTheConfiguredCompression(string? setting, bool deflate, bool noServerContextTakeover)
    {
        var folder = FaultMachine.NewTempFolder("compression");
        var settings = setting is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Circuits__WebSocketCompression"] = setting };
        try
        {
            await using var app = await AppProcess.StartAsync(Path.Combine(folder, "runback.db"), settings);
            using var http = app.CreateClient();
            using var negotiate = await http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
            Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
            var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();

            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{app.BaseAddress.Port}/_blazor?id={Uri.EscapeDataString(token)}"), timeout.Token);

            Assert.Equal(WebSocketState.Open, socket.State);
            var extensions = socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Sec-WebSocket-Extensions", out var values) ? string.Join(", ", values) : null;
            // e.g. "permessage-deflate; client_max_window_bits=15; server_no_context_takeover": the extension, then its parameters.
            var parameters = (extensions ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(deflate, parameters.FirstOrDefault() == "permessage-deflate");
            Assert.Equal(noServerContextTakeover, parameters.Contains("server_no_context_takeover"));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
