namespace RunBack.Core.Rules;

/// <summary>How strongly the hip-flexor patterns point to a hip component in the back pain.</summary>
public enum HipComponent
{
    None = 0,
    Possible = 1,
    Likely = 2,
}

public static class HipComponents
{
    /// <summary>The ids used in rules.yaml (the computed <c>hip_component</c> value), the API, storage and CSS.</summary>
    public static readonly StableIds<HipComponent> Ids = new(
        (HipComponent.None, "none"),
        (HipComponent.Possible, "possible"),
        (HipComponent.Likely, "likely"));

    public static string Id(this HipComponent component) => Ids.Id(component);
}
