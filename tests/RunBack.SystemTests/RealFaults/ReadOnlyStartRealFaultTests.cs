using RunBack.SystemTests;

namespace RunBack.Web.Tests.RealFaults;

/// <summary>
/// Start-up on storage that is read-only for real (a read-only bind mount of the data folder): the app refuses in one
/// line that names the database and what to do, without a stack trace, and exits 1. Needs Linux and root.
/// </summary>
[Collection(RealFaultGroup.Name)]
public sealed class ReadOnlyStartRealFaultTests
{
    [RootTheory]
    [InlineData(true, "runback.db")]
    [InlineData(false, "keys")]
    public async Task StartOnReadOnlyStorage_OneLineNoStackTrace_ExitsNonZero(bool existingDatabase, string named)
    {
        FaultMachine.RequireRootOnLinux("mount", "umount");
        var folder = FaultMachine.NewTempFolder("readonly-start");
        var database = Path.Combine(folder, "runback.db");
        if (existingDatabase)
        {
            // A database (and keys folder) from an earlier run, as an operator's storage would hold.
            await using var earlier = await AppProcess.StartAsync(database);
            using var client = earlier.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        var before = Directory.GetFileSystemEntries(folder).Order().ToList();
        FaultMachine.Run("mount", "--bind", folder, folder);
        try
        {
            FaultMachine.Run("mount", "-o", "remount,ro,bind", folder);
            Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(folder, "probe"), "probe"));

            var (exit, output, error) = await AppProcess.RunUntilExitAsync(database);

            var all = output + error;
            Assert.True(exit == 1, $"Exit code {exit}. Output:\n{all}");
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("RunBack cannot start: ", line, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(folder, named), line, StringComparison.Ordinal);
            Assert.Contains("read-only", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
            Assert.Equal(before, Directory.GetFileSystemEntries(folder).Order().ToList());
        }
        finally
        {
            FaultMachine.Run("umount", folder);
        }
        Directory.Delete(folder, recursive: true);
    }
}
