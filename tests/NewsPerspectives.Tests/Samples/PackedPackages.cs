using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The repository's packages as <c>dotnet pack</c> makes them (from the build the tests run on), packed once per test
/// run into a temporary folder that serves as a local package source. They get a version of their own
/// (<see cref="Version"/>), so a package of the repository's version cached elsewhere on the machine is never used instead.
/// </summary>
internal static class PackedPackages
{
    private static readonly Lazy<Task<string>> Packed = new(PackAsync);

    /// <summary>The folder holding the .nupkg files.</summary>
    public static Task<string> FolderAsync() => Packed.Value;

    /// <summary>The version of every package packed here.</summary>
    public static string Version { get; } = string.Create(CultureInfo.InvariantCulture, $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");

    /// <summary>The global packages folder of this machine, where the packages' dependencies were restored.</summary>
    public static string GlobalPackages { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The dotnet installation running the tests, for programs (a tool's apphost) that look for it.</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>A nuget.config whose only source is the packed folder (nothing else is asked).</summary>
    public static async Task<string> WriteNuGetConfigAsync(string folder)
    {
        var path = Path.Combine(folder, "nuget.config");
        await File.WriteAllTextAsync(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{await FolderAsync()}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    private static async Task<string> PackAsync()
    {
        var folder = Directory.CreateTempSubdirectory("np-packages-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind loses nothing.
            }
        };
        foreach (var project in new[] { "src/NewsPerspectives", "samples/NewsPerspectives.Cli" })
        {
            var (exit, output, error) = await ExternalTool.RunAsync("dotnet", TestPaths.RepositoryRoot, TimeSpan.FromMinutes(5),
                "pack", project, "--no-build", "-c", Cli.Configuration, "-o", folder, "-p:IncludeSymbols=false", $"-p:PackageVersion={Version}");
            Assert.True(exit == 0, $"dotnet pack {project} failed:\n{output}\n{error}");
        }

        foreach (var id in new[] { "NewsPerspectives", "NewsPerspectives.Cli" })
        {
            Assert.True(File.Exists(Path.Combine(folder, $"{id}.{Version}.nupkg")), $"{id}.{Version}.nupkg was not packed");
        }

        return folder;
    }
}
