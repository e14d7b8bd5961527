using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RunBack.Web.Components;

namespace RunBack.Web.Features.History;

/// <summary>The words of a check-in row on the history page, looked up once per page rather than once per row.</summary>
internal sealed class HistoryRowWords(IStringLocalizer<Wording> words)
{
    private readonly string _pain = words["History_RowPain"];
    private readonly string _peg = words["History_RowPeg"];
    private readonly LocalizedString _note = words["CheckIn_Note"];
    private readonly LocalizedString _delete = words["History_RowDelete"];

    public string Quick { get; } = words["History_RowQuick"];

    public string OpenSummary { get; } = words["Link_OpenSummary"];

    /// <summary>"Back 3/10 · Hip 2/10 · ".</summary>
    public string Pain(int back, int hip) => string.Format(CultureInfo.CurrentCulture, _pain, back, hip);

    /// <summary>"PEG 4.0/10 · ".</summary>
    public string Peg(string display) => string.Format(CultureInfo.CurrentCulture, _peg, display);

    /// <summary>"Your note:" in bold, then the runner's own words (escaped).</summary>
    public MarkupString Note(string note) => _note.Html(note);

    /// <summary>"Delete", with the check-in's date for screen readers.</summary>
    public MarkupString Delete(string label) => _delete.Html(label);
}
