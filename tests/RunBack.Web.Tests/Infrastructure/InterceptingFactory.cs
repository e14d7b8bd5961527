using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Data;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>The app in process with one EF Core interceptor on every context it makes: a counter of commands, rows or commits.</summary>
internal sealed class InterceptingFactory<TInterceptor> : RunBackFactory where TInterceptor : class, IInterceptor, new()
{
    public TInterceptor Interceptor { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<RunBackDbContext>((_, options) => options.AddInterceptors(Interceptor), ServiceLifetime.Singleton));
    }
}
