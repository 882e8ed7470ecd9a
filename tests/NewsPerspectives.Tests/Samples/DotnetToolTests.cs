namespace NewsPerspectives.Tests.Samples;

/// <summary>The CLI as a dotnet tool: packed, installed into a tool path from the .nupkg, and run on the snapshot.</summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task InstalledFromTheNupkg_TheToolRunsTheSnapshot_ByteForByteAsTheBuiltCli()
    {
        await PackedPackages.FolderAsync();
        var version = PackedPackages.Version;
        var config = await PackedPackages.WriteNuGetConfigAsync(_dir);
        var tools = Path.Combine(_dir, "tools");
        // A private package cache, so an older NewsPerspectives.Cli of the same version cached elsewhere is never used.
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_dir, "nuget-cache"), ["DOTNET_ROOT"] = PackedPackages.DotnetRoot };
        var (exit, output, error) = await ExternalTool.RunAsync("dotnet", _dir, TimeSpan.FromMinutes(5), environment,
            "tool", "install", "NewsPerspectives.Cli", "--version", version, "--tool-path", tools, "--configfile", config);
        Assert.True(exit == 0, output + error);
        Assert.Contains("newsperspectives", output, StringComparison.Ordinal);

        var tool = Path.Combine(tools, "newsperspectives");
        var (versionExit, versionOutput, _) = await ExternalTool.RunAsync(tool, _dir, TimeSpan.FromMinutes(1), environment, "--version");
        Assert.Equal(0, versionExit);
        Assert.Equal(System.Diagnostics.FileVersionInfo.GetVersionInfo(Cli.DllPath).ProductVersion, versionOutput.Trim());

        var installed = Path.Combine(_dir, "installed");
        (exit, output, error) = await ExternalTool.RunAsync(tool, _dir, TimeSpan.FromMinutes(3), environment, "--out", installed, "--date", "2026-01-12");
        Assert.True(exit == 0, output + error);
        Assert.Contains("5 topics written", output, StringComparison.Ordinal);

        var built = Path.Combine(_dir, "built");
        (exit, output, error) = await Cli.RunAsync("--out", built, "--date", "2026-01-12");
        Assert.True(exit == 0, output + error);
        var files = Directory.GetFiles(built, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(built, f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(10, files.Length);
        Assert.Equal(files, Directory.GetFiles(installed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(installed, f)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(built, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(installed, file))), $"{file} differs");
        }
    }
}
