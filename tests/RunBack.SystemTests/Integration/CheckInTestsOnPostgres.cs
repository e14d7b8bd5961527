using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>Every check-in, profile, forget-me and idempotency test again, on a fresh PostgreSQL database.</summary>
public sealed class CheckInTestsOnPostgres(PostgresRunBackFactory factory) : CheckInTests(factory), IClassFixture<PostgresRunBackFactory>;
