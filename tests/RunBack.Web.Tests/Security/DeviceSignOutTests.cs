using System.Net;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24 item 3: a new recovery code signs out every other device (the page says so before the runner asks for
/// it), and the history page says how many devices can open it, with "sign out other devices".
/// </summary>
public sealed class DeviceSignOutTests
{
    private static async Task<HttpClient> RecoveredDeviceAsync(RunBackFactory factory, string code)
    {
        var device = factory.CreateBrowserLikeClient();
        var recover = await CheckInClient.PostFormAsync(device, "/recover", new() { ["code"] = code }, "/recover");
        Assert.Equal("/history?recovered=1", recover.Headers.Location!.ToString());
        return device;
    }

    [Fact]
    public async Task NewRecoveryCode_SignsOutEveryOtherDevice_ThisOneKeepsTheHistory()
    {
        await using var factory = new RunBackFactory();
        var phone = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(phone, Answers.HipPattern());
        var code = await CheckInTests.RecoveryCodeShownAsync(phone);
        var laptop = await RecoveredDeviceAsync(factory, code);
        var tablet = await RecoveredDeviceAsync(factory, code);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/history/export.json")).StatusCode);

        var made = await CheckInClient.PostFormAsync(phone, "/recovery-code", tokenPage: "/history");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await laptop.GetAsync("/history/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync("/history/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/history/export.json")).StatusCode);
        var newCode = await CheckInTests.RecoveryCodeShownAsync(phone);
        var history = await phone.GetStringAsync("/history");
        Assert.Contains("Only this browser can open your history.", history, StringComparison.Ordinal);
        // Said beside the button, before the runner asks for a new code.
        Assert.Contains("every other device that can open this", history, StringComparison.Ordinal);
        // The new code opens the history again on a device of the runner's choosing; the old one opens nothing.
        var again = await RecoveredDeviceAsync(factory, newCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/history/export.json")).StatusCode);
        var old = await CheckInClient.PostFormAsync(factory.CreateBrowserLikeClient(), "/recover", new() { ["code"] = code }, "/recover");
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("No history matches that recovery code", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutOtherDevices_LeavesOnlyThisBrowser()
    {
        await using var factory = new RunBackFactory();
        var phone = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(phone, Answers.HipPattern());
        var laptop = await RecoveredDeviceAsync(factory, await CheckInTests.RecoveryCodeShownAsync(phone));
        Assert.Contains("2 devices can open your history: this browser and 1 other.", await laptop.GetStringAsync("/history"), StringComparison.Ordinal);

        var signedOut = await CheckInClient.PostFormAsync(laptop, "/devices/sign-out-others", tokenPage: "/history");

        Assert.Equal("/history?signedout=1#devices", signedOut.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/history/export.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/history/export.json")).StatusCode);
        var history = await laptop.GetStringAsync("/history?signedout=1");
        Assert.Contains("Every other device has been signed out.", history, StringComparison.Ordinal);
        Assert.Contains("Only this browser can open your history.", history, StringComparison.Ordinal);
        Assert.DoesNotContain("/devices/sign-out-others", history, StringComparison.Ordinal);
        // Without a profile there is nothing to sign out: the styled 404, never a 500.
        var stranger = await CheckInClient.PostFormAsync(factory.CreateBrowserLikeClient(), "/devices/sign-out-others");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }
}
