namespace RunBack.Web.Data;

/// <summary>
/// Runners' data is readable by the app's own user only: the SQLite file is created 0600 before SQLite first opens it
/// (SQLite gives its -wal and -shm files the database file's mode), and the data-protection keys folder 0700.
/// Files that already exist are left as they are.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }
        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnlyFile,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first.
        }
    }

    public static DirectoryInfo CreateFolder(string path) =>
        OperatingSystem.IsWindows() || Directory.Exists(path) ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnlyFolder);
}
