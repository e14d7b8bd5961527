using System.Globalization;
using System.Resources;

namespace RunBack.Web.Components;

/// <summary>
/// The page chrome a runner reads, from Resources/Wording.resx (UK edition, the default) and Wording.&lt;culture&gt;.resx
/// (only what another edition says differently), in the request's UI culture. Guidance, questions and actions are content.
/// </summary>
public static class Words
{
    private static readonly ResourceManager Resources = new("RunBack.Web.Resources.Wording", typeof(Words).Assembly);

    /// <summary>The wording for a key in the current edition; a missing key is a programming error, found by tests.</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"Resources/Wording.resx has no '{key}'.");

    /// <summary>The wording for a key, or null when there is none (e.g. the name of an edition nobody has written yet).</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);
}
