using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;
using Serilog.Events;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24, item 4: a form body that cannot be read (too many fields, a value too long, broken multipart, no boundary,
/// too many parts, a chunked body over the size limit) is answered with the styled 400 (or 413) page and the security
/// headers, on every form endpoint in the route table, with or without a token, never a 500 or a logged stack trace.
/// </summary>
public sealed class UnreadableBodyTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public UnreadableBodyTests(RunBackFactory factory) => _factory = factory;

    /// <summary>The kinds of body the audit sent, each with the status it must get.</summary>
    public static TheoryData<string> Bodies => new(UnreadableBodies.Names);

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryFormEndpoint_UnreadableBody_StyledPageWithHeaders_NoErrorLogged(string kind)
    {
        var client = _factory.CreateBrowserLikeClient("10.24.4." + (Math.Abs(kind.GetHashCode(StringComparison.Ordinal)) % 200 + 1));
        var checkIn = await CheckInClient.SaveOkAsync(client, Answers.NoRisk());
        var token = await Html.AntiforgeryTokenAsync(client, "/forget");
        var posts = FormPosts(_factory, checkIn);
        Assert.Contains("/check-ins/" + checkIn + "/delete", posts);
        Assert.Contains("/recovery-code", posts);
        Assert.Contains("/check-in/quick", posts);
        Assert.Contains("/summary/draft", posts);
        var errorsBefore = Errors(_factory).Count;

        foreach (var path in posts)
        {
            foreach (var withToken in new[] { false, true })
            {
                var (content, expected) = UnreadableBodies.Make(kind, withToken ? token : null);
                var response = await client.PostAsync(path, content);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode == expected, $"{kind} to {path} (token: {withToken}) answered {(int)response.StatusCode}: {html[..Math.Min(200, html.Length)]}");
                Assert.Contains(expected == 413 ? "That was too much to send" : "We could not read that request", html, StringComparison.Ordinal);
                Assert.Contains("<link rel=\"stylesheet\"", html, StringComparison.Ordinal);
                SecurityHeaders.AssertPresent(response, $"{kind} to {path}");
            }
        }
        Assert.Equal([], Errors(_factory).Skip(errorsBefore).Select(e => e.RenderMessage() + " " + e.Exception?.GetType().Name));
    }

    private static List<LogEvent> Errors(RunBackFactory factory) =>
        [.. factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error || e.Exception is not null)];

    /// <summary>Every POST route of the app that takes a form (not the JSON API or the Blazor hub), as a path.</summary>
    internal static List<string> FormPosts(RunBackFactory factory, Guid checkIn) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/api/", StringComparison.Ordinal) && !p.StartsWith("/_blazor", StringComparison.Ordinal))
            .Select(p => RouteValues.Fill(p, checkIn))
            .Distinct()];
}

/// <summary>Fills a route pattern's parameters with a value of the right shape (an id that exists, a number, a word).</summary>
internal static class RouteValues
{
    public static string Fill(string pattern, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?(\w+)(:[^}]*)?\??\}", m =>
            m.Groups[1].Value.Equals("id", StringComparison.OrdinalIgnoreCase) ? id.ToString()
            : m.Groups[2].Value.Contains("int", StringComparison.Ordinal) ? "500"
            : m.Groups[1].Value.Equals("culture", StringComparison.OrdinalIgnoreCase) ? "en-US"
            : "x");
}

internal static class SecurityHeaders
{
    public static void AssertPresent(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{what}: no Content-Security-Policy");
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: no nosniff");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{what}: no X-Frame-Options");
    }
}

/// <summary>The bodies a form reader refuses, as the audit sent them.</summary>
internal static class UnreadableBodies
{
    public static readonly string[] Names = ["257 fields", "33 KB value", "malformed multipart", "multipart without boundary", "300 parts", "chunked over 64 KB"];

    public static (HttpContent Content, int Status) Make(string kind, string? token)
    {
        var tokenField = token is null ? "" : "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&";
        switch (kind)
        {
            case "257 fields":
                return (Form(tokenField + string.Join('&', Enumerable.Range(0, 257).Select(i => $"f{i}=v"))), 400);
            case "33 KB value":
                return (Form(tokenField + "answers=" + new string('a', 33 * 1024)), 400);
            case "malformed multipart":
                {
                    var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"));
                    content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
                    return (content, 400);
                }
            case "multipart without boundary":
                {
                    var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"));
                    content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
                    return (content, 400);
                }
            case "300 parts":
                {
                    var multipart = new MultipartFormDataContent("b0undary");
                    if (token is not null)
                    {
                        multipart.Add(new StringContent(token), "__RequestVerificationToken");
                    }
                    for (var i = 0; i < 300; i++)
                    {
                        multipart.Add(new StringContent("v"), "p" + i);
                    }
                    return (multipart, 400);
                }
            case "chunked over 64 KB":
                {
                    // 120 fields of 600 bytes: each within the field limits, the whole past 64 KB, with no Content-Length.
                    var body = tokenField + string.Join('&', Enumerable.Range(0, 120).Select(i => $"f{i}=" + new string('v', 600)));
                    var content = new StreamContent(new UnknownLengthStream(Encoding.ASCII.GetBytes(body)));
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                    return (content, 413);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static ByteArrayContent Form(string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}

/// <summary>A body whose length is not known up front, so it goes without Content-Length (chunked on a real connection).</summary>
internal sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }
}
