using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunBack.Data.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.RecoveryHash).IsRequired().HasMaxLength(32);
        builder.HasIndex(p => p.RecoveryHash).IsUnique();
        builder.Property(p => p.Country).HasMaxLength(2);
        builder.HasIndex(p => p.LastActiveAt);
        builder.HasMany(p => p.DeviceKeys).WithOne(k => k.Profile).HasForeignKey(k => k.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.CheckIns).WithOne(c => c.Profile).HasForeignKey(c => c.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeviceKeyConfiguration : IEntityTypeConfiguration<DeviceKey>
{
    public void Configure(EntityTypeBuilder<DeviceKey> builder)
    {
        builder.ToTable("device_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.SecretHash).IsRequired().HasMaxLength(32);
        builder.HasIndex(k => k.SecretHash).IsUnique();
    }
}
