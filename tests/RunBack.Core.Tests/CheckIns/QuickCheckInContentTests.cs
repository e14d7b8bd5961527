using RunBack.Core.CheckIns;
using RunBack.Core.Content;

namespace RunBack.Core.Tests.CheckIns;

/// <summary>content/checkin/quick.yaml: the shipped file fits the current release; a broken one names file and line.</summary>
public sealed class QuickCheckInContentTests : IDisposable
{
    private static readonly ContentRelease Current = ContentStore.Load(RepoPaths.Content).Current;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "runback-quick-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ContentValidationException Broken(string from, string to)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "checkin"));
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, QuickCheckInContent.RelativePath));
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, QuickCheckInContent.RelativePath), text.Replace(from, to, StringComparison.Ordinal));
        return Assert.Throws<ContentValidationException>(() => QuickCheckInContent.Load(_folder, Current));
    }

    private static int LineOf(string text) =>
        File.ReadAllLines(Path.Combine(RepoPaths.Content, QuickCheckInContent.RelativePath)).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Shipped_LoadsAgainstTheCurrentRelease()
    {
        var content = QuickCheckInContent.Load(RepoPaths.Content, Current);

        Assert.Equal("pain_trend", content.SinceLastTime.Sets);
        Assert.Equal("distance_week_1", content.Distance.Sets);
        Assert.Equal(8, content.Helped.Options.Count);
        Assert.All(content.SinceLastTime.Options, o => Assert.NotNull(Current.Questionnaire.Find("pain_trend")!.FindOption(o.Sets!)));
    }

    [Fact]
    public void UnknownQuestion_NamesFileAndLine()
    {
        var problem = Assert.Single(Broken("sets: pain_trend", "sets: pain_direction").Problems);

        Assert.Equal($"{QuickCheckInContent.RelativePath}:{LineOf("sets: pain_trend")}", problem.Location.ToString());
        Assert.Contains("pain_direction", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_NamesFileAndLine()
    {
        var problem = Assert.Single(Broken("label: Worse, sets: worse", "label: Worse, sets: much_worse").Problems);

        Assert.Equal(LineOf("label: Worse, sets: worse"), problem.Location.Line);
        Assert.Contains("much_worse", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingField_And_Malformed_AreReported()
    {
        Assert.Contains(Broken("title: Quick check-in\n", "").Problems, p => p.Message.Contains("'title'", StringComparison.Ordinal));
        Assert.Contains("malformed YAML", Broken("  prompt: How far", "  prompt: [How far").Message, StringComparison.Ordinal);
    }
}
