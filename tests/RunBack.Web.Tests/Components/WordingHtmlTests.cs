using Microsoft.Extensions.Localization;
using RunBack.Web.Components;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Components;

/// <summary>A resx sentence with its own markup: the resx text stays markup, every argument is escaped into its placeholder.</summary>
public sealed class WordingHtmlTests
{
    [Fact]
    public void Html_EscapesTheArguments_KeepsTheResxMarkup()
    {
        var note = new LocalizedString("CheckIn_Note", "<strong>Your note:</strong> {0}");

        Assert.Equal("<strong>Your note:</strong> &lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;",
            note.Html("<script>\"x\" & 'y'</script>").Value);
    }

    [Fact]
    public void Html_LeavesNoBreakSpacesAndDashesAsTheyAre()
    {
        var line = new LocalizedString("Home_LastCheckIn", "Your last check-in was <strong>{0}</strong> ({1})");

        Assert.Equal("Your last check-in was <strong>3\u00A0days ago</strong> (1 Nov – 7 Nov)", line.Html("3\u00A0days ago", "1 Nov – 7 Nov").Value);
    }

    [Fact]
    public void Html_ReadsTheResx_WithoutArguments()
    {
        var stale = TestWording.Localizer["Quick_ResultStale"];

        Assert.False(stale.ResourceNotFound);
        Assert.Equal("Your last full self-check is more than 4\u00A0weeks old. <a href=\"/check\">Do a fresh full self-check</a> so the advice fits how things are now.",
            stale.Html().Value);
    }
}
