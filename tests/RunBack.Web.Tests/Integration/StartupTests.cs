using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Bad configuration or content stops the app at start-up with a message that says what to fix.</summary>
public sealed class StartupTests
{
    private static string AllMessages(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(AllMessages));
            }
        }
        return string.Join("\n", messages);
    }

    private static string CopyContent()
    {
        var target = Path.Combine(Path.GetTempPath(), "runback-content-" + Guid.NewGuid().ToString("N"));
        TestFiles.CopyDirectory(RepoPaths.Content, target);
        return target;
    }

    [Fact]
    public async Task BrokenRelease_StopsStartup_NamingFileAndLine()
    {
        var content = CopyContent();
        try
        {
            var rules = Path.Combine(content, "releases", "2026.11.0", "rules.yaml");
            await File.WriteAllTextAsync(rules, (await File.ReadAllTextAsync(rules)).Replace("guidance: [form-cadence]", "guidance: [form-cadense]", StringComparison.Ordinal));
            await using var factory = new RunBackFactory();
            factory.Settings["Content:Path"] = content;

            var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            var message = AllMessages(ex);
            Assert.Matches(@"releases/2026\.11\.0/rules\.yaml:\d+: rule 'form-low-cadence' selects guidance item 'form-cadense', which does not exist", message);
            Assert.Contains("published release '2026.11.0' has been edited", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("/no/such/folder")]
    public async Task ContentPathThatIsNotAContentFolder_Refused(string path)
    {
        await using var factory = new RunBackFactory();
        factory.Settings["Content:Path"] = path;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Content:Path must name a content folder holding 'releases/' and 'releases.lock'", AllMessages(ex), StringComparison.Ordinal);
    }
}
