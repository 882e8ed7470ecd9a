using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NewsPerspectives.Archive.Tests.PostgreSql;

/// <summary>
/// A real PostgreSQL server for the tests: the one in <c>NEWSPERSPECTIVES_TEST_POSTGRES</c> (a connection string) when
/// set, else a throw-away cluster this fixture makes with Debian's server binaries (<c>initdb</c>, <c>pg_ctl</c>; as the
/// <c>postgres</c> user when the tests run as root) on a free loopback port, stopped and deleted afterwards.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "NEWSPERSPECTIVES_TEST_POSTGRES";

    private static readonly Lazy<(string? BinDirectory, string? Reason)> Binaries = new(FindBinaries);
    private string? _dataDirectory;
    private int _schemas;

    /// <summary>Why no server can be had here, or <see langword="null"/>.</summary>
    public static string? UnavailableReason =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } ? null : Binaries.Value.Reason;

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A schema name no other test uses.</summary>
    public string NewSchema() => string.Create(CultureInfo.InvariantCulture, $"t{Environment.ProcessId}_{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}")[..40];

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        if (Binaries.Value.BinDirectory is not { } bin)
        {
            return; // the tests are skipped with UnavailableReason
        }

        int port = FreePort();
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"np-pg-{Guid.NewGuid():N}");
        await RunAsync(Path.Combine(bin, "initdb"), "-D", _dataDirectory, "-U", "np", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-F -p {port.ToString(CultureInfo.InvariantCulture)} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
        ConnectionString = $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=np;Database=postgres;Pooling=true;Timeout=30";
    }

    public async Task DisposeAsync()
    {
        if (_dataDirectory is null || Binaries.Value.BinDirectory is not { } bin)
        {
            return;
        }

        await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        // initdb and the server refuse to run as root: run them as the postgres user then.
        bool root = Environment.UserName == "root";
        var (exit, output, error) = root
            ? await NewsPerspectives.Tests.ExternalTool.RunAsync("runuser", Path.GetTempPath(), TimeSpan.FromMinutes(2), ["-u", "postgres", "--", program, .. arguments])
            : await NewsPerspectives.Tests.ExternalTool.RunAsync(program, Path.GetTempPath(), TimeSpan.FromMinutes(2), arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({exit}): {output}{error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string? BinDirectory, string? Reason) FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(d => d.Length > 0).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (bin is null)
        {
            return (null, $"no PostgreSQL server here: install Debian's postgresql package (apt-get install postgresql, as .ci/run does) or set {EnvironmentVariable} to a connection string");
        }

        if (Environment.UserName == "root" && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return (null, "running as root and there is no 'postgres' user to run the PostgreSQL server as");
        }

        return (bin, null);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "postgresql";
}

/// <summary>Skips the class's archive facts when no PostgreSQL server can be had (<see cref="PostgreSqlServer.UnavailableReason"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute, ISkipCondition
{
    public string? SkipReason => PostgreSqlServer.UnavailableReason;
}
