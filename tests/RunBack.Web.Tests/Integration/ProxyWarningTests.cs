using System.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// An instance behind a proxy without <c>ForwardedHeaders</c> set: the operator is told once, in one line, and a
/// TLS-terminating proxy's plain-http requests get the styled page on form pages instead of an empty 500.
/// </summary>
public sealed class ProxyWarningTests
{
    [Fact]
    public async Task ForwardedForFromAPrivateAddress_WithoutForwardedHeaders_OneWarning()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient(clientAddress: "10.0.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);

        var warnings = factory.Logs.Events.Where(e => e.RenderMessage().Contains("ForwardedHeaders:KnownProxies", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, warning.Level);
        Assert.Contains("10.0.0.5", warning.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedForWithForwardedHeadersSet_NoWarning()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";
        var client = factory.CreateBrowserLikeClient(clientAddress: "10.0.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.DoesNotContain(factory.Logs.Events, e => e.RenderMessage().Contains("ForwardedHeaders:KnownProxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TlsTerminatingProxy_WithoutForwardedHeaders_FormPageIsStyled_AndSaidOnce()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost"),
            AllowAutoRedirect = false,
        });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        foreach (var path in new[] { "/forget", "/recover" })
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"GET {path} answered {(int)response.StatusCode}");
            Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        }

        var line = Assert.Single(factory.Logs.Events, e => e.RenderMessage().Contains("X-Forwarded-Proto: https", StringComparison.Ordinal));
        Assert.Contains("ForwardedHeaders__KnownProxies__0", line.RenderMessage(), StringComparison.Ordinal);
    }
}
