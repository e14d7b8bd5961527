using RunBack.Core.Content;
using RunBack.Web.Hosting;

// Authors' command: `dotnet run --project src/RunBack.Web -- content check [path]` checks content without starting the server.
if (ContentCommand.Matches(args))
{
    return ContentCommand.Run(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddRunBackLogging();
builder.AddRunBackLocalization();
builder.AddRunBackContent();
builder.AddRunBackPersistence();
builder.AddRunBackSecurity();
builder.AddRunBackFeatures();

var app = builder.Build();
await app.MigrateRunBackDatabaseAsync();

app.UseRunBackErrorPages();
app.UseRunBackSecurity();
app.UseRunBackLocalization();
app.UseRunBackRequestLogging();
app.UseRunBackRateLimits();
app.UseRunBackAntiforgery();
app.MapRunBackEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
