using Microsoft.AspNetCore.Http.HttpResults;
using RunBack.Core.Rules;
using RunBack.Web.Common;
using RunBack.Web.Components.Layout;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Features.CheckIns;

/// <summary>The form posts and downloads behind saving and deleting check-ins, and the reminder. Antiforgery applies to every post.</summary>
public static class CheckInEndpoints
{
    public static IEndpointRouteBuilder MapCheckIns(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/check-ins", Save).RequireRateLimiting(RateLimitPolicies.Save);
        routes.MapPost("/check-ins/{id}/delete", Delete).RequireRateLimiting(RateLimitPolicies.Save).AddEndpointFilter<StorageUnavailable>().RequireProfile();
        routes.MapGet("/history/reminder.ics", ReminderIcs).RequireRateLimiting(RateLimitPolicies.Export);
        return routes;
    }

    /// <summary>
    /// Saves for the request's profile, or makes one on the first save. A device cookie whose profile could not be looked
    /// up (storage down) is never taken for "no profile": that would start a second profile; the save is refused with
    /// the styled 503 and the answers kept.
    /// </summary>
    internal static async Task<IResult> Save(IFormCollection fields, HttpContext context, CheckInService checkIns,
        ProfileService profiles, AnswerIntake intakes, RecoveryCodeMessage recoveryCode)
    {
        var form = PostedAnswers.From(fields);
        // The intake reads, dates, validates and assesses once, and judges warning signs first: its verdict leads every refusal.
        var intake = intakes.FromForm(form, context.RequestServices.GetRequiredService<RunnerCountry>().Code);
        var safety = intake.Safety;
        var readable = intake.Stage >= IntakeStage.Invalid;
        if (!readable || !Guid.TryParse(form.Key, out var key) || key == Guid.Empty)
        {
            return SaveProblemPage(form, (readable ? null : intake.Problem) ?? "This result cannot be saved as it is. Please go back to your result and try again.",
                StatusCodes.Status400BadRequest, safety: safety);
        }
        // The runner's note (issue 26 item 16): too long or with a control character, it comes back beside its field, as typed.
        var note = RunnerNote.Read(form.Note);
        form = form with { Note = note.Typed };
        if (note.Error is not null)
        {
            return SaveProblemPage(form, "Your note needs a change before this check-in can be saved. Nothing was saved yet: your answers and your note are still here.",
                StatusCodes.Status400BadRequest, "Save my check-in", safety, note.Error);
        }
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null && !ProfileIdentity.StorageDown(context) && !await NewProfileAllowedAsync(context))
        {
            context.Response.Headers.RetryAfter = "600";
            return SaveProblemPage(form, "Many new histories have been started from your network in the last hour, so this check-in could not be " +
                "saved just now. Nothing was saved. Your answers are still here: please try again later. If you already have a history, " +
                "open it on this browser with your recovery code first, then save.", StatusCodes.Status429TooManyRequests,
                safety: safety);
        }
        var result = ProfileIdentity.StorageDown(context) ? CheckInService.StorageDown
            : intake.Checked is not { } answers ? new SaveResult(SaveOutcome.Invalid, Message: AnswerIntake.NotValidAnyMore)
            : await checkIns.SaveAsync(profileId, answers, key, cancellationToken: context.RequestAborted, note: note.Note);
        if (result.Outcome is SaveOutcome.Saved or SaveOutcome.AlreadySaved)
        {
            if (result.NewDeviceSecret is not null)
            {
                profiles.SetCookie(context.Response, result.NewDeviceSecret);
            }
            if (result.NewRecoveryCode is not null)
            {
                recoveryCode.Set(context.Response, result.NewRecoveryCode); // once: a replay of the first save gets none
            }
            // The country asked on the self-check's first step (or the browser's guess shown there) stays with the profile;
            // one read from the profile is already there (no write, which would wait for SQLite's write lock outside the gate).
            var country = context.RequestServices.GetRequiredService<RunnerCountry>();
            if (result.ProfileId is { } owner && country.Origin is not (CountryOrigin.NotKnown or CountryOrigin.Profile))
            {
                try
                {
                    await profiles.KeepCountryAsync(owner, country.Stored, context.RequestAborted);
                }
                catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
                {
                    // The check-in is saved; the country stays in this browser's setting and is kept at the next save.
                }
            }
            return Results.Redirect($"/history?saved={result.CheckInId}", preserveMethod: false);
        }
        // Whatever stopped the save (storage down, a replayed key, a forgotten profile), a warning sign leads the page.
        switch (result.Outcome)
        {
            case SaveOutcome.StorageUnavailable:
                return SaveProblemPage(form, result.Message!, StatusCodes.Status503ServiceUnavailable, safety: safety);
            case SaveOutcome.SavedByAnotherRequest:
                return SaveProblemPage(form with { Answers = null }, result.Message!, StatusCodes.Status409Conflict, safety: safety);
            case SaveOutcome.ProfileGone:
                profiles.DeleteCookie(context.Response);
                return SaveProblemPage(form with { Key = Guid.NewGuid().ToString() }, result.Message!, StatusCodes.Status410Gone, safety: safety);
            case SaveOutcome.KeyReusedWithOtherAnswers:
                return SaveProblemPage(form with { Key = Guid.NewGuid().ToString() }, result.Message! + " You can save these answers as a new check-in.",
                    StatusCodes.Status409Conflict, "Save as a new check-in", safety);
            default:
                return SaveProblemPage(form, result.Message!, StatusCodes.Status400BadRequest, safety: safety);
        }
    }

    /// <summary>
    /// A first save makes a profile, and a profile brings its own rate limits: one client address may start at most
    /// <c>RateLimits:NewProfilesPerHour</c>, counted in the database so the limit holds across instances.
    /// </summary>
    private static async Task<bool> NewProfileAllowedAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.NewProfilesPerHour;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        try
        {
            return await context.RequestServices.GetRequiredService<RunBack.Web.Data.SharedRateLimiter>()
                .TryAcquireAsync("new-profile", address, limit, TimeSpan.FromHours(1), context.RequestAborted);
        }
        catch (Exception ex) when (RunBack.Web.Data.StorageErrors.IsStorageFailure(ex))
        {
            return true; // storage is down: the save itself fails next, with its own page that keeps the answers
        }
    }

    /// <summary>The page for a save that did not happen; a warning sign in the answers leads it, before the problem.</summary>
    private static RazorComponentResult<StandalonePage> SaveProblemPage(PostedAnswers form, string message, int status, string retry = "Try again",
        SafetyVerdict? safety = null, string? noteError = null) =>
        StandalonePage.Result<SaveProblem>(status, new Dictionary<string, object?>
        {
            [nameof(SaveProblem.Message)] = message,
            [nameof(SaveProblem.Form)] = form,
            [nameof(SaveProblem.RetryLabel)] = retry,
            [nameof(SaveProblem.Safety)] = safety,
            [nameof(SaveProblem.NoteError)] = noteError,
        });

    internal static async Task<IResult> Delete(string id, HttpContext context, CheckInService checkIns)
    {
        var profileId = ProfileIdentity.Id(context);
        if (profileId is null || !Guid.TryParse(id, out var checkInId) || !await checkIns.DeleteAsync(profileId.Value, checkInId, context.RequestAborted))
        {
            return Results.NotFound();
        }
        return Results.Redirect("/history?deleted=1");
    }

    /// <summary>The weekly reminder: no profile needed and nothing personal in it, only the link to the quick check-in.</summary>
    internal static IResult ReminderIcs(HttpContext context, AssessmentService assessments, PublicAddress site)
    {
        var query = context.Request.Query;
        var choice = new ReminderChoice(query["day"].FirstOrDefault(), query["time"].FirstOrDefault(), query["alert"].FirstOrDefault());
        if (choice.Read(out var errors) is not { } reminder)
        {
            return StandalonePage.Result<ReminderProblem>(StatusCodes.Status400BadRequest, new Dictionary<string, object?>
            {
                [nameof(ReminderProblem.Choice)] = choice with
                {
                    Day = choice.Day?.Length > 16 ? null : choice.Day,
                    Time = choice.Time?.Length > 8 ? null : choice.Time,
                    Alert = choice.Alert?.Length > 16 ? null : choice.Alert,
                },
                [nameof(ReminderProblem.Errors)] = errors,
            });
        }
        var link = new Uri(site.BaseFor(context), "/check-in/quick");
        var ics = Reminder.Calendar(reminder.Day, reminder.Time, reminder.MinutesBefore, link, assessments.Today);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "runback-reminder.ics");
    }
}
