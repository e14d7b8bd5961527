using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RunBack.Data;

/// <summary>
/// One context for both providers; each provider has its own migration set (RunBack.Migrations.Sqlite,
/// RunBack.Migrations.Postgres). The only model difference: SQLite keeps instants as UTC milliseconds.
/// </summary>
public sealed class RunBackDbContext(DbContextOptions<RunBackDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The provider name EF Core's SQLite provider reports.</summary>
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<DeviceKey> DeviceKeys => Set<DeviceKey>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();

    /// <summary>Data-protection keys, when <c>DataProtection:Store</c> is <c>Database</c> (shared by every instance).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order DateTimeOffset text reliably; PostgreSQL keeps them as timestamptz (UTC).
        if (Database.ProviderName == SqliteProvider)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RunBackDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
