using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using RunBack.Core.Questionnaire;
using RunBack.Web.Common;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Features.Summary;

/// <summary>An unsaved result as the draft cookie keeps it: the release it was answered under, the day and the answers.</summary>
public sealed record DraftAnswers(string ReleaseId, DateOnly Date, string AnswersJson);

/// <summary>
/// Keeps an unsaved result (release, day and answers) in an encrypted cookie for this browser session only, so its
/// printable summary can be shown without saving anything.
/// </summary>
public sealed class SummaryDraft(IDataProtectionProvider provider, CookieSecurity cookies)
{
    public const string CookieName = "rb_draft";

    private readonly IDataProtector _drafts = provider.CreateProtector("RunBack.DraftSummary.v2");

    public void Set(HttpResponse response, CheckedAnswers answers) =>
        response.Cookies.Append(cookies.Name(CookieName),
            _drafts.Protect(string.Join('|', answers.Release.Id, answers.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AnswerParser.ToJson(answers.Answers))),
            new CookieOptions { HttpOnly = true, Secure = cookies.Secure, SameSite = SameSiteMode.Strict, Path = "/" });

    public DraftAnswers? Get(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(cookies.Name(CookieName), out var value))
        {
            return null;
        }
        try
        {
            var parts = _drafts.Unprotect(value).Split('|', 3);
            return parts.Length == 3 && AnswerParser.TryParseDate(parts[1], out var date) ? new DraftAnswers(parts[0], date, parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
