using System.Diagnostics;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The DailyWorker sample as built beside the tests, run as a child process the way a timer or a container runs it.</summary>
internal static class Worker
{
    public static string DllPath
    {
        get
        {
            var path = Path.Combine(TestPaths.RepositoryRoot, "samples", "DailyWorker", "bin", Cli.Configuration, "net10.0", "DailyWorker.dll");
            Assert.True(File.Exists(path), $"DailyWorker not built at {path}");
            return path;
        }
    }

    /// <summary>Runs the worker to its end in <paramref name="workingDirectory"/>, with extra environment variables.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        ExternalTool.RunAsync("dotnet", workingDirectory, TimeSpan.FromMinutes(3), WithoutHostEnvironment(environment), [DllPath, .. args]);

    /// <summary>Starts the worker with redirected output (the caller reads it and waits).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        Process.Start(ExternalTool.StartInfo("dotnet", workingDirectory, WithoutHostEnvironment(environment), [DllPath, .. args]))!;

    /// <summary>The environment of a test run: no inherited DOTNET_ENVIRONMENT (which would pick another appsettings file).</summary>
    private static Dictionary<string, string?> WithoutHostEnvironment(IReadOnlyDictionary<string, string?>? environment)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal) { ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_ENVIRONMENT"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }

        return all;
    }
}
