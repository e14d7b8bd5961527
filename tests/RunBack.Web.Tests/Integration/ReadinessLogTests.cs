using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RunBack.Web.Tests.Infrastructure;
using Serilog.Events;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// A readiness check that fails while the gateway keeps probing (a drain, a database outage) is logged once when
/// readiness is lost and once when it is back, never one ERR line per probe (the operator README's walk-through found ten
/// ERR lines in a 5 s drain from ASP.NET Core's health-check service).
/// </summary>
public sealed class ReadinessLogTests
{
    private sealed class Switch : IHealthCheck
    {
        public volatile bool Healthy = true;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The switch is off."));
    }

    [Fact]
    public async Task ReadinessLostThenBack_OneLineEach_NoErrorPerProbe()
    {
        var check = new Switch();
        await using var factory = new RunBackFactory();
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("switch", check, tags: [RunBack.Web.Hosting.DrainHosting.ReadyTag])));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        check.Healthy = false;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(i % 2 == 0 ? "/healthz/ready" : "/healthz")).StatusCode);
        }
        check.Healthy = true;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        }

        var events = factory.Logs.Events;
        var notReady = Assert.Single(events, e => e.RenderMessage().StartsWith("Not ready", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Warning, notReady.Level);
        Assert.Contains("switch: The switch is off.", notReady.RenderMessage(), StringComparison.Ordinal);
        Assert.Single(events, e => e.RenderMessage() == "Ready again");
        Assert.Equal([], events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()));
    }
}
