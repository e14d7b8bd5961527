namespace RunBack.Web.Features.CheckIns;

public static class CheckInsFeature
{
    /// <summary>Saving, listing, exporting and deleting check-ins, and the history page behind them.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services) =>
        services.AddSingleton<CheckInService>().AddSingleton<FirstSaves>().AddSingleton<QuickCheckInService>()
            .AddSingleton<RunBack.Web.Data.SavedCheckIns>();
}
