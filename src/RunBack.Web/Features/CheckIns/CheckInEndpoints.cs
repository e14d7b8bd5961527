using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RunBack.Core.Questionnaire;
using RunBack.Web.Components.Layout;
using RunBack.Web.Components.Pages.History;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.Profiles;
using RunBack.Web.Hosting;

namespace RunBack.Web.Features.CheckIns;

/// <summary>The form posts behind saving, deleting, exporting, recovering and forgetting. Antiforgery applies to every one.</summary>
public static class CheckInEndpoints
{
    public static IEndpointRouteBuilder MapCheckInEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/check-ins", Save).RequireRateLimiting(SecurityHosting.SavePolicy);
        routes.MapPost("/check-ins/{id}/delete", Delete).RequireRateLimiting(SecurityHosting.SavePolicy);
        routes.MapGet("/history/export.csv", ExportCsv).RequireRateLimiting(SecurityHosting.ExportPolicy);
        routes.MapGet("/history/export.json", ExportJson).RequireRateLimiting(SecurityHosting.ExportPolicy);
        routes.MapPost("/recover", Recover).RequireRateLimiting(SecurityHosting.RecoveryPolicy);
        routes.MapPost("/recovery-code", NewRecoveryCode).RequireRateLimiting(SecurityHosting.RecoveryPolicy);
        routes.MapPost("/forget", Forget).RequireRateLimiting(SecurityHosting.ForgetPolicy);
        routes.MapPost("/summary/draft", SaveDraft).RequireRateLimiting(SecurityHosting.SavePolicy);
        return routes;
    }

    public sealed record SaveForm(string? Answers, string? Date, string? Key)
    {
        /// <summary>Reads the fields by hand: a missing or repeated field is a clear message, not a binding failure.</summary>
        public static SaveForm From(IFormCollection form) => new(First(form, "answers"), First(form, "date"), First(form, "key"));
    }

    private static string? First(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    internal static async Task<IResult> Save(IFormCollection fields, HttpContext context, CheckInService checkIns,
        ProfileService profiles, AssessmentService assessments, OneTimeMessages messages)
    {
        var form = SaveForm.From(fields);
        var (answers, date, key, problem) = ReadForm(form, assessments);
        if (problem is not null)
        {
            return SaveProblemPage(form, problem, StatusCodes.Status400BadRequest);
        }
        var profileId = await profiles.FindAsync(context);
        var result = await checkIns.SaveAsync(profileId, answers!, date, key, context.RequestAborted);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved or SaveOutcome.AlreadySaved:
                if (result.NewDeviceSecret is not null)
                {
                    context.Response.Cookies.Append(ProfileCookie.Name, result.NewDeviceSecret, ProfileCookie.Options(messages.Secure));
                    messages.SetRecoveryCode(context.Response, result.NewRecoveryCode!);
                }
                return Results.Redirect($"/history?saved={result.CheckInId}", preserveMethod: false);
            case SaveOutcome.StorageUnavailable:
                return SaveProblemPage(form, result.Message!, StatusCodes.Status503ServiceUnavailable);
            case SaveOutcome.KeyReusedWithOtherAnswers:
                return SaveProblemPage(form with { Key = Guid.NewGuid().ToString() }, result.Message! + " You can save these answers as a new check-in.",
                    StatusCodes.Status409Conflict, "Save as a new check-in");
            default:
                return SaveProblemPage(form, result.Message!, StatusCodes.Status400BadRequest);
        }
    }

    private static (AnswerSet? Answers, DateOnly Date, Guid Key, string? Problem) ReadForm(SaveForm form, AssessmentService assessments)
    {
        if (string.IsNullOrWhiteSpace(form.Answers) || form.Answers.Length > 16_000)
        {
            return (null, default, default, "The answers did not arrive. Please go back to your result and try again.");
        }
        if (!Guid.TryParse(form.Key, out var key) || key == Guid.Empty)
        {
            return (null, default, default, "This result cannot be saved as it is. Please go back to your result and try again.");
        }
        var date = AnswerParser.TryParseDate(form.Date, out var parsed) ? parsed : assessments.Today;
        try
        {
            var (answers, errors) = AnswerParser.FromJson(form.Answers, assessments.Current.Questionnaire);
            return errors.Count > 0
                ? (null, default, default, "Some answers could not be read. Please go back to the self-check and check them.")
                : (answers, date, key, null);
        }
        catch (JsonException)
        {
            return (null, default, default, "The answers could not be read. Please go back to your result and try again.");
        }
    }

    private static RazorComponentResult<StandalonePage> SaveProblemPage(SaveForm form, string message, int status, string retry = "Try again") =>
        StandalonePage.Result<SaveProblem>(status, new Dictionary<string, object?>
        {
            [nameof(SaveProblem.Message)] = message,
            [nameof(SaveProblem.AnswersJson)] = form.Answers?.Length <= 16_000 ? form.Answers : null,
            [nameof(SaveProblem.Date)] = form.Date,
            [nameof(SaveProblem.Key)] = form.Key,
            [nameof(SaveProblem.RetryLabel)] = retry,
        });

    internal static async Task<IResult> Delete(string id, HttpContext context, ProfileService profiles, CheckInService checkIns)
    {
        var profileId = await profiles.FindAsync(context);
        if (profileId is null || !Guid.TryParse(id, out var checkInId) || !await checkIns.DeleteAsync(profileId.Value, checkInId, context.RequestAborted))
        {
            return Results.NotFound();
        }
        return Results.Redirect("/history?deleted=1");
    }

    internal static async Task<IResult> ExportCsv(HttpContext context, ProfileService profiles, CheckInService checkIns)
    {
        var profileId = await profiles.FindAsync(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        var csv = HistoryExport.ToCsv(await checkIns.AllAsync(profileId.Value, context.RequestAborted));
        return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(),
            "text/csv; charset=utf-8", "runback-history.csv");
    }

    internal static async Task<IResult> ExportJson(HttpContext context, ProfileService profiles, CheckInService checkIns, TimeProvider clock)
    {
        var profileId = await profiles.FindAsync(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        var json = HistoryExport.ToJson(await checkIns.AllAsync(profileId.Value, context.RequestAborted), clock.GetUtcNow());
        return Results.File(json, "application/json", "runback-history.json");
    }

    internal static async Task<IResult> Recover(IFormCollection form, HttpContext context, ProfileService profiles, OneTimeMessages messages)
    {
        var result = await profiles.RecoverAsync(First(form, "code"), context.RequestAborted);
        switch (result.Outcome)
        {
            case RecoveryOutcome.Recovered:
                context.Response.Cookies.Append(ProfileCookie.Name, result.DeviceSecret!, ProfileCookie.Options(messages.Secure));
                return Results.Redirect("/history?recovered=1");
            case RecoveryOutcome.WrongFormat:
                return Results.Redirect("/recover?error=format");
            default:
                return Results.Redirect("/recover?error=unknown");
        }
    }

    internal static async Task<IResult> NewRecoveryCode(HttpContext context, ProfileService profiles, OneTimeMessages messages)
    {
        var profileId = await profiles.FindAsync(context);
        if (profileId is null)
        {
            return Results.NotFound();
        }
        messages.SetRecoveryCode(context.Response, await profiles.NewRecoveryCodeAsync(profileId.Value, context.RequestAborted));
        return Results.Redirect("/history?newcode=1#recovery");
    }

    internal static async Task<IResult> Forget(IFormCollection form, HttpContext context, ProfileService profiles, OneTimeMessages messages)
    {
        if (First(form, "confirm") != "yes")
        {
            return Results.Redirect("/forget?error=confirm");
        }
        var profileId = await profiles.FindAsync(context);
        if (profileId is not null)
        {
            await profiles.ForgetAsync(profileId.Value, context.RequestAborted);
        }
        context.Response.Cookies.Delete(ProfileCookie.Name, ProfileCookie.Options(messages.Secure));
        return Results.Redirect("/?forgotten=1");
    }

    internal static IResult SaveDraft(IFormCollection fields, HttpContext context, AssessmentService assessments, OneTimeMessages messages)
    {
        var form = SaveForm.From(fields);
        var (answers, date, _, problem) = ReadForm(form with { Key = Guid.NewGuid().ToString() }, assessments);
        if (problem is not null || !assessments.Validate(assessments.Current, answers!, date).IsValid)
        {
            return Results.Redirect("/summary/draft");
        }
        messages.SetDraft(context.Response, AnswerParser.ToJson(answers!), date);
        return Results.Redirect("/summary/draft");
    }
}
