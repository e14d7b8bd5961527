using Microsoft.EntityFrameworkCore;

namespace RunBack.Web.Data;

public sealed class RunBackDbContext(DbContextOptions<RunBackDbContext> options) : DbContext(options)
{
    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<DeviceKey> DeviceKeys => Set<DeviceKey>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RunBackDbContext).Assembly);
}
