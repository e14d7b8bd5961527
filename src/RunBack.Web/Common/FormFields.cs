namespace RunBack.Web.Common;

public static class FormFields
{
    /// <summary>The first value of a form field, or null when it is missing (a repeated field never fails binding).</summary>
    public static string? First(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
