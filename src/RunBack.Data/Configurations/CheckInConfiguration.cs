using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RunBack.Data.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ReleaseId).IsRequired().HasMaxLength(32);
        builder.Property(c => c.AnswersJson).IsRequired().HasMaxLength(16_384);
        builder.Property(c => c.AnswersHash).IsRequired().HasMaxLength(64);
        builder.Property(c => c.Triage).IsRequired().HasMaxLength(32);
        builder.Property(c => c.HipComponent).IsRequired().HasMaxLength(16);
        builder.Property(c => c.FactorIds).HasMaxLength(1024);
        builder.Property(c => c.GuidanceIds).HasMaxLength(4096);
        builder.Property(c => c.FiredRuleIds).HasMaxLength(8192);
        builder.Property(c => c.Kind).IsRequired().HasMaxLength(8).HasDefaultValue(CheckInKinds.Full);
        builder.Property(c => c.SinceLastTime).HasMaxLength(32);
        builder.Property(c => c.Helped).IsRequired().HasMaxLength(512).HasDefaultValue("");
        builder.Property(c => c.DistanceUnit).HasMaxLength(16);
        // The runner's note: 500 characters (Unicode code points, as PostgreSQL's varchar counts them). No index, on purpose:
        // nothing searches or filters on it.
        builder.Property(c => c.Note).HasMaxLength(500);
        // The history query: one runner's check-ins, newest first.
        builder.HasIndex(c => new { c.ProfileId, c.CreatedAt });
        // The history reads a profile newest first by the day each check-in counts for (paging, the chart's window)
        builder.HasIndex(c => new { c.ProfileId, c.CheckInDate, c.CreatedAt });
        // A double click (or a retried request) saves once, even a first save made before any profile exists:
        // keys are random GUIDs, so they are unique across profiles.
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        // The start-up check (does the database hold a release this instance lacks?) seeks one row per release id
        // through this index instead of scanning every check-in.
        builder.HasIndex(c => c.ReleaseId);
        // Where the shoes' running total starts (RunBack.Core.History.ShoeCounter: a full self-check with a shoe
        // answer, or new shoes on a quick check-in): the history seeks the latest one instead of walking back through
        // every quick check-in since. Partial, so it holds only those rows; the filter is the query's own condition.
        builder.HasIndex(c => new { c.ProfileId, c.CheckInDate, c.CreatedAt }, ShoeStartIndex)
            .HasFilter(ShoeStartFilter);
    }

    public const string ShoeStartIndex = "IX_check_ins_ShoeStart";

    public const string ShoeStartFilter = "\"ShoeDistance\" IS NOT NULL AND (\"Kind\" = 'full' OR \"NewShoes\")";
}
