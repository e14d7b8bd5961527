using Microsoft.Extensions.Localization;
using RunBack.Core.Rules;

namespace RunBack.Web.Components;

/// <summary>
/// "Hip component: likely" in plain words, on the result and in the summary: what the level means and who can check it,
/// in the edition's words (Resources/Wording*.resx). The hip patterns are education, not a test.
/// </summary>
public static class HipWording
{
    public static string Key(HipComponent component) => component switch
    {
        HipComponent.Likely => "Hip_Likely",
        HipComponent.Possible => "Hip_Possible",
        _ => "Hip_None",
    };

    public static string Plain(IStringLocalizer<Wording> words, HipComponent component) => words[Key(component)];
}
