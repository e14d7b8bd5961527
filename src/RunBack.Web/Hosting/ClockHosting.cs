using RunBack.Web.Common;

namespace RunBack.Web.Hosting;

/// <summary>
/// The app's one clock: <see cref="TimeProvider.System"/>, or, for CI's time-travel run only, the same clock moved
/// forward by <c>Clock:ShiftDays</c> (environment variable <c>Clock__ShiftDays</c>). Every date the app reasons with
/// (today, the 7-day back-dating window, a check-in's save time, the profile cookie's age) comes from this clock, so a
/// test that carries a fixed date fails in that run on the day it is written instead of weeks later. Refused in
/// Production: a runner's check-ins are always dated by the real clock.
/// </summary>
public static class ClockHosting
{
    public const string ShiftDaysKey = "Clock:ShiftDays";

    /// <summary>The furthest the clock may be moved: ten years either way.</summary>
    public const int MaxShiftDays = 3650;

    public static IServiceCollection AddRunBackClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var shift = ShiftDays(configuration);
        if (shift != 0 && environment.IsProduction())
        {
            throw new StartupRefusedException($"{ShiftDaysKey} moves the clock for tests only and cannot be set in Production (it is {shift}).");
        }
        services.AddSingleton(shift == 0 ? TimeProvider.System : new ShiftedClock(TimeProvider.System, TimeSpan.FromDays(shift)));
        return services;
    }

    /// <summary>The configured shift in whole days (0 when unset); a value that is not a whole number within range refuses to start.</summary>
    public static int ShiftDays(IConfiguration configuration)
    {
        var text = configuration[ShiftDaysKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var days)
            || Math.Abs(days) > MaxShiftDays)
        {
            throw new StartupRefusedException($"{ShiftDaysKey} must be a whole number of days from -{MaxShiftDays} to {MaxShiftDays}, not '{text}'.");
        }
        return days;
    }

    /// <summary>A clock that runs at the real clock's pace, <paramref name="shift"/> ahead (or behind) it.</summary>
    public sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
    {
        public TimeSpan Shift { get; } = shift;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Shift;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
