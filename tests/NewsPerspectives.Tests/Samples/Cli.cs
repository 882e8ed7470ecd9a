using System.Reflection;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The CLI sample as built next to the tests, run as a user runs it.</summary>
internal static class Cli
{
    /// <summary>The build configuration of the tests (and so of the CLI they reference).</summary>
    public static string Configuration { get; } =
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ProjectFolder => Path.Combine(TestPaths.RepositoryRoot, "samples", "NewsPerspectives.Cli");

    public static string DllPath
    {
        get
        {
            var path = Path.Combine(ProjectFolder, "bin", Configuration, "net10.0", "NewsPerspectives.Cli.dll");
            Assert.True(File.Exists(path), $"CLI not built at {path}");
            return path;
        }
    }

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        ExternalTool.RunAsync("dotnet", TestPaths.RepositoryRoot, [DllPath, .. args]);
}
