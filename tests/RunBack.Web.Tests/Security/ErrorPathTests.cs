using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24, items 5 and 6: the error page cannot fail (a page that threw while rendering still gets the styled 500,
/// and when the error page itself cannot be rendered a static fallback is written, with the security headers); the
/// quick check-in dated in year 1 and an edition switch back to a non-ASCII path answer without a 500.
/// </summary>
public sealed class ErrorPathTests
{
    private static Dictionary<string, string> QuickFields(string date, string token) => new()
    {
        ["date"] = date,
        ["q-back_pain"] = "4",
        ["q-hip_pain"] = "1",
        ["q-since_last_time"] = "better",
        ["q-serious_signs"] = "none",
        ["q-health_history"] = "none",
        ["q-leg_symptoms"] = "none",
        ["q-night_waking"] = "no",
        ["q-distance"] = "20",
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "quick",
        ["key"] = Guid.NewGuid().ToString(),
    };

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-21")]
    [InlineData("9999-12-31")]
    public async Task QuickCheckIn_DateAtTheEndsOfTheCalendar_MessageBesideTheDate(string date)
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var token = await Html.AntiforgeryTokenAsync(client, "/check-in/quick");

        var response = await client.PostAsync("/check-in/quick", new FormUrlEncodedContent(QuickFields(date, token)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"q-date-error\"", html, StringComparison.Ordinal);
        SecurityHeaders.AssertPresent(response, date);
    }

    /// <summary>A page that fails after it began rendering: the error page is rendered afresh, styled, with headers.</summary>
    [Fact]
    public async Task PageFailsWhileRendering_StyledErrorPageWithHeaders()
    {
        await using var factory = new FailingRenderFactory();
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(FailingRenderFactory.Header, "page");

        var response = await client.GetAsync("/about");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\"", html, StringComparison.Ordinal);
        SecurityHeaders.AssertPresent(response, "error page");
    }

    /// <summary>The error page itself cannot be rendered: a static page, styled inline, with the security headers.</summary>
    [Theory]
    [InlineData("GET", "/about")]
    [InlineData("POST", "/check-ins")]
    public async Task ErrorPageFailsToo_StaticFallbackWithHeaders(string method, string path)
    {
        await using var factory = new FailingRenderFactory();
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add(FailingRenderFactory.Header, "page,error");

        var response = method == "GET" ? await client.GetAsync(path) : await client.PostAsync(path, new FormUrlEncodedContent([]));

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("Go to the home page", html, StringComparison.Ordinal);
        SecurityHeaders.AssertPresent(response, "fallback page");
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The app with a component activator that fails on request (the test-only header names what fails: "page" for
    /// any page but the error page, "error" for the error page), as the quick check-in did when dated in year 1.
    /// </summary>
    private sealed class FailingRenderFactory : RunBackFactory
    {
        public const string Header = "X-Test-Fail-Render";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.AddSingleton<IComponentActivator, FailingActivator>();
            });
        }

        private sealed class FailingActivator(IHttpContextAccessor accessor) : IComponentActivator
        {
            public IComponent CreateInstance([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type componentType)
            {
                var fail = accessor.HttpContext?.Request.Headers[Header].ToString() ?? "";
                var isPage = componentType.GetCustomAttributes(typeof(RouteAttribute), false).Length > 0;
                if (isPage && componentType != typeof(RunBack.Web.Features.Info.Error) && fail.Contains("page", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("A page failed while rendering.");
                }
                if (componentType == typeof(RunBack.Web.Features.Info.Error) && fail.Contains("error", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The error page failed while rendering.");
                }
                return (IComponent)Activator.CreateInstance(componentType)!;
            }
        }
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/guidance/é/ü?x=ñ", "/guidance/%C3%A9/%C3%BC?x=%C3%B1")]
    [InlineData("/a b", "/a%20b")]
    public async Task EditionSwitch_NonAsciiReturnPath_RedirectsThereEncoded(string returnPath, string location)
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");

        var response = await client.GetAsync("/edition/en-US?return=" + Uri.EscapeDataString(returnPath));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        SecurityHeaders.AssertPresent(response, returnPath);
    }
}
