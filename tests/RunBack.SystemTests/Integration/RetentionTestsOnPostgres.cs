using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary><see cref="RetentionTests"/>' two instances sweeping one database, on PostgreSQL.</summary>
public sealed class RetentionTestsOnPostgres
{
    [Fact]
    public async Task TwoInstancesOnOneDatabase_SweepAtOnce_EachProfileDeletedOnce_ARecentOneKept()
    {
        await using var first = new PostgresRunBackFactory();
        await using var second = new PostgresRunBackFactory();
        second.Settings["ConnectionStrings:RunBack"] = first.ConnectionString;
        await RetentionTests.TwoInstancesSweepAsync(first, second);
    }
}
