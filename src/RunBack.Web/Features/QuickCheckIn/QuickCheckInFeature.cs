namespace RunBack.Web.Features.QuickCheckIn;

public static class QuickCheckInFeature
{
    /// <summary>The quick check-in: pain, this week and the warning signs, the rest carried from the last self-check.</summary>
    public static IServiceCollection AddQuickCheckIn(this IServiceCollection services) => services.AddSingleton<QuickCheckInService>();
}
