using Microsoft.AspNetCore.Hosting;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>The same app as <see cref="RunBackFactory"/>, over a fresh database on the test run's PostgreSQL server.</summary>
public sealed class PostgresRunBackFactory : RunBackFactory
{
    public PostgresRunBackFactory() => ConnectionString = PostgresCluster.CreateDatabase();

    public string ConnectionString { get; }

    public string DatabaseName => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:RunBack", ConnectionString);
    }

    public override Task<string> StoredTextAsync() => Task.FromResult(PostgresCluster.Dump(DatabaseName));

    public override Task<bool> StoresBytesAsync(byte[] value) =>
        Task.FromResult(PostgresCluster.Dump(DatabaseName).Contains(Convert.ToHexStringLower(value), StringComparison.Ordinal));
}
