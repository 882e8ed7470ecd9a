using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The repository's packages as <c>dotnet pack</c> makes them (from the build the tests run on), packed once per test
/// run into a temporary folder that serves as a local package source.
/// </summary>
internal static partial class PackedPackages
{
    private static readonly Lazy<Task<string>> Packed = new(PackAsync);

    /// <summary>The folder holding the .nupkg files.</summary>
    public static Task<string> FolderAsync() => Packed.Value;

    /// <summary>The dotnet installation running the tests, for programs (a tool's apphost) that look for it.</summary>
    public static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>The version of a packed package, from its file name.</summary>
    public static async Task<string> VersionAsync(string packageId)
    {
        var folder = await FolderAsync();
        var file = Directory.GetFiles(folder, packageId + ".*.nupkg").Select(Path.GetFileName).Single(f => VersionPattern(packageId).IsMatch(f!));
        return VersionPattern(packageId).Match(file!).Groups["v"].Value;
    }

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

    private static Regex VersionPattern(string packageId) => new($"^{Regex.Escape(packageId)}\\.(?<v>\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?)\\.nupkg$", RegexOptions.CultureInvariant);

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
                "pack", project, "--no-build", "-c", Cli.Configuration, "-o", folder, "-p:IncludeSymbols=false");
            Assert.True(exit == 0, $"dotnet pack {project} failed:\n{output}\n{error}");
        }

        return folder;
    }
}
