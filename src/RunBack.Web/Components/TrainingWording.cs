using System.Globalization;
using Microsoft.Extensions.Localization;
using RunBack.Core;
using RunBack.Core.History;

namespace RunBack.Web.Components;

/// <summary>
/// The training facts from Core (the shoes' count, the training insights) in the edition's words, from
/// Resources/Wording*.resx; distances in the runner's unit, numbers joined to their units by no-break spaces.
/// </summary>
public static class TrainingWording
{
    /// <summary>"about 410 km (counted from your check-ins since you gave 320 km on 2 November 2026)".</summary>
    public static string Shoes(IStringLocalizer<Wording> words, ShoeCount count, bool miles) =>
        Format(words["Shoes_Count"], TrainingLog.Format(count.Km, miles, whole: true), TrainingLog.Format(count.GivenKm, miles), DateWords.Full(count.GivenOn));

    private static string Format(string format, params object[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
}
