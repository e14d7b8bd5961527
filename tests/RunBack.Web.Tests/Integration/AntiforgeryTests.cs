using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Every state-changing endpoint in the route table refuses a request without an antiforgery token.</summary>
public sealed class AntiforgeryTests
{
    [Fact]
    public async Task EveryPostEndpoint_WithoutToken_Refused_AndChangesNothing()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var checkIn = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var before = await client.GetStringAsync("/history/export.csv");
        // The antiforgery cookie is there; only the form token is missing (what a cross-site form can do).
        await Html.AntiforgeryTokenAsync(client, "/forget");

        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        var exempt = posts.Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false }
            || e.Metadata.GetMetadata<Microsoft.AspNetCore.SignalR.HubMetadata>() is not null).Select(Pattern).Order().ToList();
        var checkedPosts = posts.Select(Pattern).Except(exempt).Distinct().ToList();

        // Only the JSON API (no cookies) and the Blazor hub are exempt; anything else added later is checked here.
        Assert.All(exempt, p => Assert.True(p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/_blazor", StringComparison.Ordinal), p));
        Assert.Contains("/check-ins/{id}/delete", checkedPosts);
        Assert.Contains("/recovery-code", checkedPosts);
        Assert.Contains("/forget", checkedPosts);
        foreach (var pattern in checkedPosts)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?(\w+)(:[^}]*)?\}", m =>
                m.Groups[1].Value.Equals("id", StringComparison.OrdinalIgnoreCase) ? checkIn.ToString()
                : m.Groups[2].Value.Contains("int", StringComparison.Ordinal) ? "500" : "x");
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "yes", ["code"] = "x" }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.True(checkedPosts.Count >= 6, string.Join(", ", checkedPosts));
        Assert.Equal(before, await client.GetStringAsync("/history/export.csv"));
    }

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
}
