using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Content;
using RunBack.Web.Features.Assessments;

namespace RunBack.Web.Tests.Components;

/// <summary>bunit with the real shipped content and the services the components use; browser APIs are loose fakes.</summary>
public abstract class ComponentTestBase : BunitContext
{
    private static readonly Lazy<ContentStore> Store = new(() => ContentStore.Load(RepoPaths.Content));

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Store.Value);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<AssessmentService>();
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<AntiforgeryStateProvider>(new FakeAntiforgery());
        Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage>();
    }

    protected static ContentRelease Release => Store.Value.Current;

    private sealed class FakeAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
