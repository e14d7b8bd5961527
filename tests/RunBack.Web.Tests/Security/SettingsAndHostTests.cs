using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Common;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24, items 9-11: the Host header is never echoed (the configured public address names the site), /healthz
/// keeps its probe's result for a moment, and a wrong or misspelt setting stops the app with one line.
/// </summary>
public sealed class SettingsAndHostTests
{
    private static HttpClient ClientWithHost(RunBackFactory factory, string host)
    {
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    [Fact]
    public async Task ForgedHost_NotInTheReminderOrTheOpenApiDocument_ConfiguredAddressIs()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Site:PublicBaseUrl"] = "https://runback.example";
        var client = ClientWithHost(factory, "evil.example");

        var ics = await client.GetStringAsync("/history/reminder.ics?day=monday&time=08:30");
        var openApi = await client.GetStringAsync("/openapi/v1.json");

        Assert.DoesNotContain("evil.example", ics, StringComparison.Ordinal);
        Assert.Contains("https://runback.example/check-in/quick", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", openApi, StringComparison.Ordinal);
        Assert.Contains("https://runback.example", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoConfiguredAddress_OpenApiNamesNoServer()
    {
        await using var factory = new RunBackFactory();
        var client = ClientWithHost(factory, "evil.example");

        Assert.DoesNotContain("evil.example", await client.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", null, "Site:PublicBaseUrl is not set")]
    [InlineData("Testing", "runback.example", "Site:PublicBaseUrl must be an http(s) address")]
    [InlineData("Testing", "https://runback.example/app?x=1", "Site:PublicBaseUrl must be an http(s) address")]
    [InlineData("Testing", "http://runback.example", "must be an https address while cookies are Secure")]
    public void PublicAddress_CheckedAtStartUp(string environment, string? value, string message)
    {
        using var factory = new EnvironmentFactory(environment);
        factory.Settings["Site:PublicBaseUrl"] = value;
        factory.Settings["Fhir:CanonicalBase"] = "https://fhir.example.org/runback";

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = StartupRefusedException.OneLine(ex);
        Assert.NotNull(line);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData("https://runback.example/fhir")]
    [InlineData("HTTPS://RUNBACK.EXAMPLE/fhir")]
    public void FhirCanonicalBase_ThePlaceholder_RefusedInProduction(string value)
    {
        using var factory = new EnvironmentFactory("Production");
        factory.Settings["Site:PublicBaseUrl"] = "https://runback.example";
        factory.Settings["Fhir:CanonicalBase"] = value;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = StartupRefusedException.OneLine(ex);
        Assert.NotNull(line);
        Assert.Contains("Fhir:CanonicalBase is still the placeholder https://runback.example/fhir", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void FhirCanonicalBase_OwnName_StartsInProduction_AndThePlaceholderIsFineInTesting()
    {
        using (var production = new EnvironmentFactory("Production"))
        {
            production.Settings["Site:PublicBaseUrl"] = "https://runback.example";
            production.Settings["Fhir:CanonicalBase"] = "https://fhir.example.org/runback";
            Assert.Equal("https://fhir.example.org/runback",
                production.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunBack.Web.Features.Fhir.FhirOptions>>().Value.CanonicalBase);
        }
        using var testing = new EnvironmentFactory("Testing");
        Assert.Equal(RunBack.Web.Features.Fhir.FhirOptions.Placeholder,
            testing.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RunBack.Web.Features.Fhir.FhirOptions>>().Value.CanonicalBase);
    }

    [Theory]
    [InlineData("RateLimits:ApiPerMinute", "0", "ApiPerMinute")]
    [InlineData("RateLimits:SavePerMinute", "-5", "SavePerMinute")]
    [InlineData("RateLimits:SavesPerMinute", "30", "unknown setting RateLimits:SavesPerMinute")]
    [InlineData("Security:MaxCircuitsPerClient", "0", "MaxCircuitsPerClient")]
    [InlineData("Security:MaxCircuitPerClient", "5", "unknown setting Security:MaxCircuitPerClient")]
    [InlineData("Security:MaxCircuits", "5", "cannot be more than Security:MaxCircuits")]
    [InlineData("RateLimits:NewProfilesPerHour", "0", "NewProfilesPerHour")]
    [InlineData("RateLimits:PdfConcurrentPerClient", "3", "cannot be more than RateLimits:PdfConcurrentPerAddress")]
    [InlineData("Circuits:DisconnectedRetention", "00:01:00", "unknown setting Circuits:DisconnectedRetention")]
    [InlineData("Pdf:MaxConcurent", "2", "unknown setting Pdf:MaxConcurent")]
    [InlineData("ForwardedHeaders:KnownProxy", "10.0.0.1", "unknown setting ForwardedHeaders:KnownProxy")]
    [InlineData("Database:BusyTimeout", "100", "unknown setting Database:BusyTimeout")]
    [InlineData("Health:CacheSeconds", "60", "CacheSeconds")]
    public void WrongOrMisspeltSetting_StopsTheAppInOneLine(string key, string value, string message)
    {
        using var factory = new RunBackFactory();
        factory.Settings[key] = value;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = StartupRefusedException.OneLine(ex);
        Assert.True(line is not null, ex.ToString());
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    /// <summary>
    /// While another connection holds SQLite's write lock, a probe would find the database not taking writes: within the
    /// cache period /healthz answers the last probe without writing; after it, it probes again.
    /// </summary>
    [Fact]
    public async Task Healthz_KeepsItsProbeForTheCachePeriod_ThenProbesAgain()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Health:CacheSeconds"] = "2";
        factory.Settings["Database:BusyTimeoutMilliseconds"] = "100";
        var client = factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));

        await using (var locker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var command = locker.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync();

            for (var i = 0; i < 20; i++)
            {
                var response = await client.GetAsync("/healthz");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no write tried: it would have found the lock
            }
            factory.Clock.Advance(TimeSpan.FromSeconds(2.5));
            var probed = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, probed.StatusCode);
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }
        factory.Clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }

    private sealed class EnvironmentFactory(string environment) : RunBackFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, environment);
        }
    }
}
