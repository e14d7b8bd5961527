namespace RunBack.Web;

/// <summary>
/// The page chrome a runner reads, as <c>IStringLocalizer&lt;Wording&gt;</c> (registered by <c>AddLocalization</c>):
/// Resources/Wording.resx holds the UK edition (the default) and Wording.&lt;culture&gt;.resx only what another edition
/// says differently, read in the request's UI culture. Guidance, questions and actions are content; Core says facts.
/// Components <c>@inject IStringLocalizer&lt;Wording&gt; Words</c>; other code takes it by constructor or parameter.
/// A key that Wording.resx lacks is found by <c>WordingKeyTests</c>.
/// </summary>
public sealed class Wording
{
    private Wording()
    {
    }
}
