namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The README's "Use it" snippet is a whole Program.cs: it is cut out of README.md as written, compiled in a new
/// console project against the packed NewsPerspectives package (a local package source, nothing from the source
/// tree), and run over the bundled snapshot; it must write what the CLI writes.
/// </summary>
public sealed class ReadmeSnippetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-readme-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The first C# block under the README's "## Use it" heading, exactly as written.</summary>
    public static string Snippet()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("\n## Use it\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Use it' section");
        int start = readme.IndexOf("\n```csharp\n", section, StringComparison.Ordinal);
        int next = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && (next < 0 || start < next), "the 'Use it' section has no ```csharp block");
        start += "\n```csharp\n".Length;
        int end = readme.IndexOf("\n```\n", start, StringComparison.Ordinal);
        return readme[start..(end + 1)];
    }

    [Fact]
    public void TheSnippet_IsAWholeProgram()
    {
        var snippet = Snippet();
        Assert.StartsWith("using Microsoft.Extensions.DependencyInjection;\nusing NewsPerspectives;\n", snippet, StringComparison.Ordinal);
        Assert.Contains("AddNewsPerspectives(config", snippet, StringComparison.Ordinal); // the one-call path, no UseOutletRegistry to forget
        Assert.DoesNotContain("UseOutletRegistry", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSnippet_CompilesAgainstThePackedPackage_AndWritesWhatTheCliWrites()
    {
        var packages = await PackedPackages.FolderAsync();
        var app = Directory.CreateDirectory(Path.Combine(_dir, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), Snippet());
        await File.WriteAllTextAsync(Path.Combine(app, "ReadmeApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- NewsPerspectives comes fresh from the packed folder; its dependencies from this machine's cache. -->
                <RestorePackagesPath>{Path.Combine(_dir, "packages")}</RestorePackagesPath>
                <RestoreAdditionalProjectFallbackFolders>{PackedPackages.GlobalPackages}</RestoreAdditionalProjectFallbackFolders>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NewsPerspectives" Version="{PackedPackages.Version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        await PackedPackages.WriteNuGetConfigAsync(app);

        var (exit, output, error) = await ExternalTool.RunAsync("dotnet", app, TimeSpan.FromMinutes(5),
            "run", "--", Path.Combine(TestPaths.Snapshot, "topics.yaml"));
        Assert.True(exit == 0, $"the README program failed:\n{output}\n{error}");
        Assert.True(File.Exists(Path.Combine(_dir, "packages", "newsperspectives", PackedPackages.Version, $"newsperspectives.{PackedPackages.Version}.nupkg")),
            "NewsPerspectives was not restored from the packed package");

        var site = Path.Combine(app, "site");
        var written = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(15, written.Length); // five topics, three writers, one printed path each
        Assert.All(written, path => Assert.StartsWith(site, path, StringComparison.Ordinal));

        var cli = Path.Combine(_dir, "cli");
        (exit, output, error) = await Cli.RunAsync("--out", cli, "--format", "markdown,json,html");
        Assert.True(exit == 0, output + error);
        var files = Directory.GetFiles(cli, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(cli, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(cli, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site, file))), $"{file} differs from the CLI's");
        }
    }
}
