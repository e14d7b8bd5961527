using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunBack.Testing;

/// <summary>
/// A real PostgreSQL server from Debian's <c>postgresql</c> package, one per test run: <c>initdb</c> in a temp folder,
/// listening on a free loopback port only, run as a non-root user (initdb refuses root; as root the cluster runs as
/// <c>nobody</c>), trust authentication for the <c>postgres</c> user on loopback, stopped when the test process exits.
/// Each test app gets a fresh database. When PostgreSQL cannot be found or started the tests fail with the reason.
/// </summary>
internal static class PostgresCluster
{
    private const string Superuser = "postgres";
    private static readonly Lazy<Server> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Port => Shared.Value.Port;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string prefix = "runback")
    {
        var server = Shared.Value;
        var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        server.Run("psql", "-h", "127.0.0.1", "-p", server.PortText, "-U", Superuser, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", $"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={Superuser};Pooling=true;Maximum Pool Size=60";

    /// <summary>The database's data as text (pg_dump), for tests that check what is stored.</summary>
    public static string Dump(string database)
    {
        var server = Shared.Value;
        return server.Run("pg_dump", "-h", "127.0.0.1", "-p", server.PortText, "-U", Superuser, "--data-only", database);
    }

    /// <summary>Runs SQL with psql in a database and returns its unaligned output.</summary>
    public static string Sql(string database, string sql)
    {
        var server = Shared.Value;
        return server.Run("psql", "-h", "127.0.0.1", "-p", server.PortText, "-U", Superuser, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-c", sql).Trim();
    }

    /// <summary>
    /// A cluster of the caller's own, for a test that stops and starts PostgreSQL (the shared one serves every other
    /// test at the same time). Stopped and removed on dispose.
    /// </summary>
    public static PrivateCluster StartPrivate()
    {
        var (server, data) = Launch();
        return new PrivateCluster(server, data);
    }

    private static Server Start()
    {
        var (server, data) = Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(data);
        return server;
    }

    private static (Server Server, string Data) Launch()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL was not found under /usr/lib/postgresql. Install it with: sudo apt-get update && sudo apt-get install -y postgresql (bash .ci/test.sh does this).");
        }
        var directory = Path.Combine(Path.GetTempPath(), "runback-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new Server(bin, directory, FreePort(), Environment.UserName == "root" ? "nobody" : null);
        if (server.RunAs is not null)
        {
            server.Exec("chown", server.RunAs, directory);
        }
        var data = Path.Combine(directory, "data");
        server.Run("initdb", "-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        server.StartServer(data);
        return (server, data);
    }

    /// <summary>A PostgreSQL server of one test's own: stop it (a real outage) and start it again on the same port.</summary>
    internal sealed class PrivateCluster(Server server, string data) : IDisposable
    {
        public int Port => server.Port;

        public string CreateDatabase(string prefix)
        {
            var name = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
            server.Run("psql", "-h", "127.0.0.1", "-p", server.PortText, "-U", Superuser, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", $"CREATE DATABASE {name}");
            return $"Host=127.0.0.1;Port={Port};Database={name};Username={Superuser};Pooling=true;Maximum Pool Size=60";
        }

        public string Sql(string database, string sql) =>
            server.Run("psql", "-h", "127.0.0.1", "-p", server.PortText, "-U", Superuser, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-At", "-c", sql).Trim();

        /// <summary>pg_ctl stop in the given mode (fast: sessions are ended and the server shuts down cleanly; immediate: no shutdown).</summary>
        public void StopServer(string mode = "fast") => server.Run("pg_ctl", "-D", data, "-m", mode, "-w", "stop");

        public void StartServer() => server.StartServer(data);

        public void Dispose() => server.Stop(data);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record Server(string Bin, string Directory, int Port, string? RunAs)
    {
        public string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>pg_ctl -w polls until the server accepts connections; the socket lives in the cluster's own folder.</summary>
        public void StartServer(string data)
        {
            Run("pg_ctl", "-D", data, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "-o",
                $"-h 127.0.0.1 -p {PortText} -k {Directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start");
            Run("pg_isready", "-h", "127.0.0.1", "-p", PortText, "-t", "30");
        }

        /// <summary>Runs a PostgreSQL program (as the cluster's user when the tests run as root) and returns its output.</summary>
        public string Run(string program, params string[] arguments) =>
            RunAs is null
                ? Exec(Path.Combine(Bin, program), arguments)
                : Exec("runuser", ["-u", RunAs, "--", Path.Combine(Bin, program), .. arguments]);

        public string Exec(string file, params string[] arguments)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var log = Path.Combine(Directory, "server.log");
                throw new InvalidOperationException(
                    $"PostgreSQL test cluster: '{Path.GetFileName(file)} {string.Join(' ', arguments)}' failed ({process.ExitCode}): {error.Result}{output.Result}" +
                    (File.Exists(log) ? "\nserver.log: " + File.ReadAllText(log) : ""));
            }
            return output.Result;
        }

        public void Stop(string data)
        {
            try
            {
                Run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
                Exec("rm", "-rf", Directory);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // The process is exiting; a cluster that would not stop is left for the temp clean-up.
            }
        }
    }
}
