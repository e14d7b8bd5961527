namespace RunBack.Web.Features.CheckIns;

public static class CheckInsFeature
{
    /// <summary>Saving, reading and deleting check-ins, and reminders.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services) =>
        services.AddSingleton<CheckInService>().AddSingleton<FirstSaves>().AddSingleton<RunBack.Web.Data.SavedCheckIns>();
}
