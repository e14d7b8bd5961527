using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>The database and the keys folder are created readable by the app's user only.</summary>
public sealed class FileModeTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task NewDatabaseAndKeys_OwnerOnly()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(client, Answers.NoRisk());

        var database = new[] { factory.DatabasePath, factory.DatabasePath + "-wal", factory.DatabasePath + "-shm" };
        Assert.All(database, path => Assert.True(File.Exists(path), path + " is missing"));
        Assert.All(database, path => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path)));
        var keys = Path.Combine(factory.Directory, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
    }
}
