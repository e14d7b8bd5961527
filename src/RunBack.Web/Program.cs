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
    if (migrateOnly)
    {
        // A fresh database has no migrations history yet; EF logs its probe of the missing __EFMigrationsHistory table
        // as a failed command (ERR). Expected: quiet that category for the command; a real failure still stops it in one line.
        builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Fatal")]);
    }
    builder.AddRunBackLogging();
    builder.AddRunBackLocalization();
    builder.AddRunBackCountry();
    builder.AddRunBackContent();
    builder.AddRunBackPersistence();
    builder.AddRunBackSecurity();
    builder.AddRunBackScaleOut();
    builder.AddRunBackFeatures();
    builder.AddRunBackOutputCache();
    builder.AddRunBackDiagnostics();
    builder.AddRunBackDrain();
    builder.AddRunBackTelemetry();

    var app = builder.Build();
    await app.MigrateRunBackDatabaseAsync(migrate: migrateOnly);
    if (migrateOnly)
    {
        return 0;
    }

    app.UseRunBackMetricsEndpoint(); // first: the metrics port serves /metrics only, the public port never does
    app.UseRunBackForwardedHeaders();
    app.UseRunBackLocalization(); // first, so error pages written on the way out speak the request's edition too
    app.UseRunBackErrorPages();
    app.UseRunBackSecurity();
    app.UseRunBackRequestLogging();
    app.UseAuthentication(); // the profile scheme: reads the device cookie once; a storage failure leaves the profile unknown, never throws
    app.UseRunBackRateLimits();
    app.UseRunBackDrain();
    app.UseRunBackCircuitLimit();
    app.UseRunBackAntiforgery();
    app.UseAuthorization(); // the profile policies, after antiforgery (a forged post is a 400 first, as before)
    app.UseRunBackCountry(); // the runner's country (emergency numbers), before the output cache that varies by it
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
