namespace RunBack.Web.Features.History;

public static class HistoryFeature
{
    /// <summary>The history page, its chart and training log, and the exports of a runner's check-ins.</summary>
    public static IServiceCollection AddHistory(this IServiceCollection services) => services.AddSingleton<HistoryReader>();
}
