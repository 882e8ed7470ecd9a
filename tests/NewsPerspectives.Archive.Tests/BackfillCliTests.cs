using System.Reflection;

namespace NewsPerspectives.Archive.Tests;

/// <summary>The CLI's <c>backfill</c> subcommand, run as a user runs it: the digests the CLI wrote, then the archive they make.</summary>
public sealed class BackfillCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-backfill-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<(int ExitCode, string Output, string Error)> Cli(params string[] arguments)
    {
        var configuration = typeof(BackfillCliTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var cli = Path.Combine(ChildProcess.Root, "samples", "NewsPerspectives.Cli", "bin", configuration, "net10.0", "NewsPerspectives.Cli.dll");
        Assert.True(File.Exists(cli), $"CLI not built at {cli}");
        return NewsPerspectives.Tests.ExternalTool.RunAsync("dotnet", ChildProcess.Root, TimeSpan.FromMinutes(3), [cli, .. arguments]);
    }

    [Fact]
    public async Task TheClisOwnJsonDigests_OfTwoDays_BackFillAnArchive_WhereTheSecondDayContinuesTheFirst()
    {
        var digests = Path.Combine(_folder, "out");
        foreach (var day in new[] { "2026-01-11", "2026-01-12" })
        {
            var (code, output, error) = await Cli("--out", digests, "--date", day, "--format", "json");
            Assert.True(code == 0, output + error);
        }

        var archivePath = Path.Combine(_folder, "stories.db");
        var (exit, stdout, stderr) = await Cli("backfill", "--archive", archivePath, "--digests", digests);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("recorded 10 topic days", stdout, StringComparison.Ordinal);
        var continuing = int.Parse(System.Text.RegularExpressions.Regex.Match(stdout, @"(\d+) continuing").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(continuing, 1, 1000);

        // A story of the 11th that ran again on the 12th (the same earliest article, so the same story id) is one
        // archived story with both days.
        HashSet<string> Ids(string day) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(digests, "digests", "china-japan", day + ".json")))
            .RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();
        var both = Ids("2026-01-11").Intersect(Ids("2026-01-12")).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(both);
        await using var archive = new SqliteStoryArchive(archivePath);
        var histories = new List<StoryHistory>();
        foreach (var id in both)
        {
            histories.Add((await archive.GetHistoryAsync($"china-japan/2026-01-11/{id}"))!);
        }

        Assert.Contains(histories, h => h.Days.Select(d => d.Date).SequenceEqual([new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12)]));
    }

    [Fact]
    public async Task AWrongCommandLine_IsAUsageError_AndWritesNothing()
    {
        var archivePath = Path.Combine(_folder, "none.db");
        var (exit, _, stderr) = await Cli("backfill", "--archive", archivePath);
        Assert.Equal(2, exit);
        Assert.Contains("--digests", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(archivePath));
    }
}
