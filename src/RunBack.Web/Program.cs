using RunBack.Core.Content;
using RunBack.Web.Common;
using RunBack.Web.Data;
using RunBack.Web.Hosting;

// Authors' command: `dotnet run --project src/RunBack.Web -- content check [path]` checks content without starting the server.
if (ContentCommand.Matches(args))
{
    return ContentCommand.Run(args, Console.Out);
}

// Operators' command: `dotnet RunBack.Web.dll backup /var/backups/runback.db` copies the SQLite database while the app serves.
if (BackupCommand.Matches(args))
{
    return BackupCommand.Run(args, Console.Out, Console.Error);
}

// Operators' command: `dotnet run --project src/RunBack.Web -- migrate` applies the migrations once, then exits.
var migrateOnly = args.Length > 0 && args[0] == "migrate";
try
{
    var builder = WebApplication.CreateBuilder(migrateOnly ? args[1..] : args);
    builder.AddRunBackLogging();
    builder.AddRunBackLocalization();
    builder.AddRunBackContent();
    builder.AddRunBackPersistence();
    builder.AddRunBackSecurity();
    builder.AddRunBackScaleOut();
    builder.AddRunBackFeatures();
    builder.AddRunBackOutputCache();
    builder.AddRunBackDiagnostics();
    builder.AddRunBackDrain();

    var app = builder.Build();
    await app.MigrateRunBackDatabaseAsync(migrate: migrateOnly);
    if (migrateOnly)
    {
        return 0;
    }

    app.UseRunBackForwardedHeaders();
    app.UseRunBackLocalization(); // first, so error pages written on the way out speak the request's edition too
    app.UseRunBackErrorPages();
    app.UseRunBackSecurity();
    app.UseRunBackRequestLogging();
    app.UseRunBackRateLimits();
    app.UseRunBackDrain();
    app.UseRunBackCircuitLimit();
    app.UseRunBackAntiforgery();
    app.UseRunBackOutputCache();
    app.MapRunBackDiagnostics();
    app.MapRunBackEndpoints();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupRefusedException.RunningAsApp && StartupRefusedException.OneLine(ex) is { } line)
{
    // A refusal an operator can fix: one line, no stack trace.
    Console.Error.WriteLine(line);
    return 1;
}

public partial class Program;
