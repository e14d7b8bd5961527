using System.Globalization;
using Microsoft.Playwright;
using RunBack.Core.Content;
using RunBack.Core.Questionnaire;

namespace RunBack.BrowserTests;

/// <summary>
/// Answers the self-check in a real browser the way a person does: by the question's visible label and the option's
/// name, with the pointer or with the keyboard only. The questionnaire is read from the shipped content.
/// </summary>
internal sealed class SelfCheckDriver(IPage page, Dictionary<string, object> answers, bool keyboardOnly = false, string culture = "en-GB")
{
    private static readonly Lazy<ContentStore> Store = new(() => ContentStore.Load(RepoPaths.Content));

    /// <summary>The current release's questions in the UK edition (the default).</summary>
    public static QuestionnaireDefinition Questionnaire => Store.Value.Current.Questionnaire;

    /// <summary>The questions as the driver's edition words them (a page opened with that browser locale).</summary>
    public QuestionnaireDefinition Edition => Store.Value.CurrentEdition(CultureInfo.GetCultureInfo(culture)).Questionnaire;

    /// <summary>Opens the self-check and waits for the interactive step to be ready.</summary>
    public async Task StartAsync()
    {
        await page.GotoAsync("/check");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Edition.Sections[0].Title, Level = 2 })).ToBeVisibleAsync();
    }

    /// <summary>Answers the current step and moves on. Calls back after answering, before Next, for screenshots or scans.</summary>
    public async Task CompleteAsync(Func<Section, Task>? onStep = null)
    {
        foreach (var section in Edition.Sections)
        {
            await AnswerStepAsync(section);
            if (onStep is not null)
            {
                await onStep(section);
            }
            var next = page.GetByRole(AriaRole.Button, new() { Name = section == Edition.Sections[^1] ? "See my result" : "Next", Exact = true });
            if (keyboardOnly)
            {
                await TabToAsync(next);
                await page.Keyboard.PressAsync("Enter");
            }
            else
            {
                await next.ClickAsync();
            }
            if (section != Edition.Sections[^1])
            {
                await StepSettledAsync();
            }
        }
    }

    /// <summary>
    /// Waits for the step the app has just drawn to settle: after "Next" the app scrolls to the top and then focuses the
    /// new step's heading, one round trip after the step itself is drawn. Answering before that raced the scroll: a click
    /// aimed at a radio landed where the page had been (ScaleOutTests once failed with "Clicking the checkbox did not change
    /// its state" on the hip step, with the gateway and 50 writers slowing the round trip).
    /// </summary>
    public async Task StepSettledAsync() =>
        await Assertions.Expect(page.Locator("#step-title")).ToBeFocusedAsync();

    /// <summary>Answers the questions of one step (shown now) without moving on.</summary>
    public async Task AnswerStepAsync(Section section)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = section.Title, Level = 2 })).ToBeVisibleAsync();
        foreach (var question in section.Questions)
        {
            if (answers.TryGetValue(question.Id, out var value) && await IsShownAsync(question))
            {
                await AnswerAsync(question, value);
            }
        }
    }

    private readonly Lazy<AnswerSet> _given = new(() =>
        AnswerParser.FromJson(answers.ToJson(AppClock.Today).ToJsonString(), Questionnaire).Answers);

    /// <summary>
    /// Whether a question is on the page. One that an earlier answer reveals (cadence after "I know my cadence")
    /// appears only after a round trip to the server: wait for it instead of reading the page before the render.
    /// </summary>
    private async Task<bool> IsShownAsync(Question question)
    {
        var field = page.Locator($"#q-{question.Id}");
        if (question.ShowIf is not null && question.IsVisible(_given.Value))
        {
            await Assertions.Expect(field).ToBeAttachedAsync();
            return true;
        }
        return await field.CountAsync() > 0;
    }

    private ILocator Group(Question question) => page.GetByRole(AriaRole.Group, new() { Name = question.Prompt, Exact = true });

    private async Task AnswerAsync(Question question, object value)
    {
        switch (question.Kind)
        {
            case QuestionKind.YesNo:
                await ChooseAsync(Group(question).GetByRole(AriaRole.Radio, new() { Name = (bool)value ? "Yes" : "No", Exact = true }));
                break;
            case QuestionKind.SingleChoice:
                await ChooseAsync(Group(question).GetByRole(AriaRole.Radio, new() { Name = question.FindOption((string)value)!.Label, Exact = true }));
                break;
            case QuestionKind.MultiChoice:
                foreach (var option in (string[])value)
                {
                    await ChooseAsync(Group(question).GetByRole(AriaRole.Checkbox, new() { Name = question.FindOption(option)!.Label, Exact = true }));
                }
                break;
            case QuestionKind.Scale:
                var n = (int)value;
                var name = n switch { 0 => "0, " + (question.MinLabel ?? "no pain"), 10 => "10, " + (question.MaxLabel ?? "worst pain"), _ => n.ToString(CultureInfo.InvariantCulture) };
                await ChooseAsync(Group(question).GetByRole(AriaRole.Radio, new() { Name = name, Exact = true }));
                break;
            case QuestionKind.Number:
                var box = page.GetByRole(AriaRole.Textbox, new() { Name = question.Prompt });
                await TypeAsync(box, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case QuestionKind.Date:
                var days = ((DaysAgo)value).Days;
                var label = days switch { 0 => "Today", 1 => "Yesterday", 7 => "A week ago", 21 => "Three weeks ago", _ => throw new ArgumentException("Use 0, 1, 7 or 21 days.") };
                var quick = page.GetByRole(AriaRole.Group, new() { Name = "Quick choices for " + question.Label }).GetByRole(AriaRole.Button, new() { Name = label });
                if (keyboardOnly)
                {
                    await TabToAsync(quick);
                    await page.Keyboard.PressAsync("Enter");
                }
                else
                {
                    await quick.ClickAsync();
                }
                await Assertions.Expect(page.Locator($"#q-{question.Id}")).Not.ToHaveValueAsync("");
                break;
        }
    }

    private async Task ChooseAsync(ILocator control)
    {
        if (!keyboardOnly)
        {
            await control.CheckAsync();
            return;
        }
        // Arrow keys move between the options of a radio group; checkboxes are each their own Tab stop.
        await TabToAsync(control, arrowsAllowed: await control.GetAttributeAsync("type") == "radio");
        if (!await control.IsCheckedAsync())
        {
            await page.Keyboard.PressAsync("Space");
        }
        await Assertions.Expect(control).ToBeCheckedAsync();
    }

    private async Task TypeAsync(ILocator box, string text)
    {
        if (keyboardOnly)
        {
            await TabToAsync(box);
            await page.Keyboard.TypeAsync(text);
            await page.Keyboard.PressAsync("Tab");
        }
        else
        {
            await box.FillAsync(text);
            await box.BlurAsync();
        }
        await Assertions.Expect(box).ToHaveValueAsync(text);
    }

    /// <summary>
    /// Moves focus to a control with Tab (and, inside a radio group, the arrow keys, as a keyboard user would).
    /// Fails if the control cannot be reached within a sensible number of key presses.
    /// </summary>
    private async Task TabToAsync(ILocator target, bool arrowsAllowed = false)
    {
        var targetId = await target.GetAttributeAsync("id");
        for (var presses = 0; presses < 60; presses++)
        {
            var active = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
            if (targetId is not null ? active == targetId : await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            var activeName = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.name");
            var targetName = await target.GetAttributeAsync("name");
            if (arrowsAllowed && activeName is not null && activeName == targetName)
            {
                // Within a radio group the arrow keys move between options.
                await page.Keyboard.PressAsync("ArrowRight");
                continue;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Could not reach '{targetId}' with the keyboard.");
    }

    private const string StoredAnswersScript = "() => sessionStorage.getItem('runback.selfcheck')";

    /// <summary>The self-check's saved state in sessionStorage (encrypted, so every write changes the stored value).</summary>
    public static Task<string?> StoredAnswersAsync(IPage page) => page.EvaluateAsync<string?>(StoredAnswersScript);

    /// <summary>Waits for the write that follows an answer, so a reload or a cut connection comes after it.</summary>
    public static async Task<string?> StoredAnswersChangedAsync(IPage page, string? before)
    {
        await page.WaitForFunctionAsync("before => sessionStorage.getItem('runback.selfcheck') !== before", before);
        return await StoredAnswersAsync(page);
    }
}
