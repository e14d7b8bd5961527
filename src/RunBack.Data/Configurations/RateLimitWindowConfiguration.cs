using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunBack.Data.Configurations;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("rate_limit_windows");
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).HasMaxLength(64);
        // Old windows are swept by their start.
        builder.HasIndex(w => w.WindowStart);
    }
}
