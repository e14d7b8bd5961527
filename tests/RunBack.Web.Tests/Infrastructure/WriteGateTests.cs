using RunBack.Web.Data;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>On SQLite, saves queue in the process (one writer at a time) instead of polling SQLite's busy lock.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Sqlite_SecondWriter_WaitsUntilFirstIsDone()
    {
        using var gate = new WriteGate(serialize: true);

        var first = await gate.EnterAsync();
        var second = gate.EnterAsync().AsTask();
        await Task.Yield();
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Postgres_WritersNeverWait()
    {
        using var gate = new WriteGate(serialize: false);

        using var first = await gate.EnterAsync();
        var second = gate.EnterAsync();

        Assert.True(second.IsCompleted);
    }

    [Fact]
    public async Task Sqlite_CancelledWait_LeavesTheGateUsable()
    {
        using var gate = new WriteGate(serialize: true);
        var first = await gate.EnterAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();

        (await gate.EnterAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public void App_OnSqlite_SerializesWrites()
    {
        using var factory = new RunBackFactory();

        Assert.True(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WriteGate>(factory.Services).Serializes);
    }
}
