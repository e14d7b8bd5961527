namespace RunBack.Web.Features.Profiles;

public static class ProfilesFeature
{
    /// <summary>Anonymous profiles: the device cookie read as an identity (the profile authentication scheme), recovery codes, forget-me and the retention sweep.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services.AddSingleton<ProfileService>().AddSingleton<RecoveryCodeMessage>().AddProfileAuthentication()
            .AddSingleton<ProfileRetention>().AddHostedService(services => services.GetRequiredService<ProfileRetention>());
}
