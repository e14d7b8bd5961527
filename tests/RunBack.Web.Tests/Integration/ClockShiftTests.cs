using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Hosting;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Clock:ShiftDays, the setting CI's time-travel run uses (see .ci/run): it moves the clock the app reasons with, and
/// only outside Production.
/// </summary>
public sealed class ClockShiftTests
{
    [Fact]
    public async Task ShiftDays_MovesTheAppsToday_AndTheCheckInWindowWithIt()
    {
        await using var factory = new RunBackFactory { UseFakeClock = false };
        factory.Settings[ClockHosting.ShiftDaysKey] = "400";

        var before = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).AddDays(400);
        var assessments = factory.Services.GetRequiredService<AssessmentService>();
        var today = assessments.Today;
        var after = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).AddDays(400);

        Assert.InRange(today, before, after);
        Assert.IsType<ClockHosting.ShiftedClock>(factory.Services.GetRequiredService<TimeProvider>());
        // The real today is now more than a week back: the app refuses it as a check-in date, as it will refuse a
        // test's fixed date a year from now.
        Assert.Equal($"A check-in can be dated at most {AssessmentService.DaysBackAllowed}\u00A0days back.", assessments.DateProblem(before.AddDays(-400)));
        Assert.Null(assessments.DateProblem(today));
    }

    [Fact]
    public async Task ZeroShift_IsTheSystemClock()
    {
        await using var factory = new RunBackFactory { UseFakeClock = false };
        factory.Settings[ClockHosting.ShiftDaysKey] = "0";

        Assert.Same(TimeProvider.System, factory.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("Production", "1", "Clock:ShiftDays moves the clock for tests only and cannot be set in Production (it is 1).")]
    [InlineData("Testing", "a year", "Clock:ShiftDays must be a whole number of days from -3650 to 3650, not 'a year'.")]
    [InlineData("Testing", "4000", "Clock:ShiftDays must be a whole number of days from -3650 to 3650, not '4000'.")]
    public async Task ShiftDays_RefusedInProductionOrWhenNotADayCount(string environment, string value, string message)
    {
        await using var factory = new EnvironmentFactory(environment);
        factory.Settings[ClockHosting.ShiftDaysKey] = value;

        var ex = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Equal("RunBack cannot start: " + message, RunBack.Web.Common.StartupRefusedException.OneLine(ex));
    }

    private sealed class EnvironmentFactory(string environment) : RunBackFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
