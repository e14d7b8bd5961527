using Bunit;
using RunBack.Core.Rules;
using RunBack.Web.Components.Shared;
using RunBack.Web.Features.Info;

namespace RunBack.Web.Tests.Components;

public sealed class PageTests : ComponentTestBase
{
    [Fact]
    public void Home_ShowsHeadingSafetyNoticeAndLinks()
    {
        var cut = Render<Home>();

        Assert.Equal("Back pain from running? Find out what may be behind it.", cut.Find("h1").TextContent);
        Assert.Contains("Go to emergency care now", cut.Find("aside.safety-notice").TextContent, StringComparison.Ordinal);
        Assert.Equal(["/check", "/history"], cut.FindAll(".hero .actions a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData(TriageLevel.Emergency, "alert", "Go to emergency care now")]
    [InlineData(TriageLevel.Urgent, "alert", "Contact a doctor today")]
    [InlineData(TriageLevel.SeeProfessional, "status", "Book a physiotherapist or doctor in the next few days")]
    [InlineData(TriageLevel.SelfCare, "status", "Self-care should help")]
    public void TriageBanner_SaysWhatToDo(TriageLevel level, string role, string title)
    {
        var cut = Render<TriageBanner>(p => p.Add(x => x.Level, level));

        Assert.Equal(role, cut.Find("section").GetAttribute("role"));
        Assert.Equal(title, cut.Find("h2").TextContent);
    }

    [Fact]
    public void Disclaimer_ComesFromTheRelease()
    {
        var cut = Render<Disclaimer>();

        Assert.Contains("not a diagnosis", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(Release.Info.Disclaimer, cut.Markup, StringComparison.Ordinal);
    }
}
