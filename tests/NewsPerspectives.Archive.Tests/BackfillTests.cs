using Microsoft.Extensions.DependencyInjection;
using static NewsPerspectives.Archive.Tests.ArchiveRuns;

namespace NewsPerspectives.Archive.Tests;

/// <summary>Back-filling a real SQLite archive from past Hugo posts and JSON digests.</summary>
public sealed class BackfillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-backfill-").FullName;

    private static string PastDigests => Path.Combine(AppContext.BaseDirectory, "TestData", "past-digests");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SeedPosts_AreRecordedDayByDay_AndTheRunningStoriesContinue()
    {
        await using var archive = new SqliteStoryArchive(Path.Combine(_folder, "archive.db"));

        var result = await new StoryArchiveBackfill(archive).FromDigestsAsync(PastDigests);

        Assert.Equal(3, result.Days);
        Assert.Empty(result.Refused);
        Assert.Equal([Path.Combine(PastDigests, "README.md")], result.Skipped.Select(s => s[..s.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.InRange(result.Continuations, 4, result.Stories);

        // The snap-election story began on the 10th ("considers dissolving lower house"); on the 11th it ran again and
        // developed: "says potential February election 'an option'" and "reportedly eyeing snap election next month"
        // were stories of their own that day, each continuing it.
        var probe = await archive.FindContinuationsAsync(Run("china-japan", new DateOnly(2026, 1, 12), China("x", "Takaichi says February election is an option")));
        var history = (await archive.GetHistoryAsync(Assert.Single(probe).ArchivedStoryId))!;
        Assert.Equal([new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 11)], history.Days.Select(d => d.Date));
        Assert.Equal("Japan's Takaichi considers dissolving lower house - reports", history.Days[0].Headline);
        Assert.Equal(3, history.Days[1].StoryIds.Count);
        Assert.Equal(["china", "japan"], history.Sides.Select(s => s.SideId));
        Assert.Empty(history.SidesNeverCovered);
    }

    [Fact]
    public async Task ATopicDayFoundTwice_IsRecordedOnce_FromItsJsonDigest()
    {
        var folder = Path.Combine(_folder, "mixed");
        Directory.CreateDirectory(Path.Combine(folder, "content"));
        Directory.CreateDirectory(Path.Combine(folder, "digests"));
        File.Copy(Path.Combine(PastDigests, "content", "china-japan", "2026-01-12.md"), Path.Combine(folder, "content", "2026-01-12.md"));
        await File.WriteAllTextAsync(Path.Combine(folder, "digests", "2026-01-12.json"), """
            {"schema": "newsperspectives.digest/1", "topic": {"id": "china-japan", "name": "China vs Japan"}, "date": "2026-01-12",
             "generatedAt": "2026-01-12T04:00:00Z",
             "perspectives": [{"id": "china", "name": "China"}, {"id": "japan", "name": "Japan"}],
             "sources": [{"number": 1, "side": "japan", "title": "Japan deep-sea rare-earth project begins", "link": "https://a.example/1", "outlet": "Nikkei Asia", "published": "2026-01-12T01:00:00Z", "id": "a1"},
                         {"number": 2, "side": "china", "title": "Japan launches deep-sea rare earth mission", "link": "https://b.example/2", "outlet": "SCMP", "published": "2026-01-11T22:00:00Z", "id": "b2"}],
             "stories": [{"id": "story-1", "headline": "Japan deep-sea rare-earth project begins", "blindspot": false, "articleCount": 3,
                          "coverage": {"china": 1, "japan": 2}, "sources": [1, 2]}]}
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "digests", "broken.json"), "{ not json");
        await using var archive = new SqliteStoryArchive(Path.Combine(_folder, "mixed.db"));

        var result = await new StoryArchiveBackfill(archive).FromDigestsAsync(folder);

        Assert.Equal(1, result.Days);
        Assert.Equal(1, result.Stories);
        Assert.Equal(2, result.Skipped.Count);
        Assert.Contains(result.Skipped, s => s.StartsWith(Path.Combine(folder, "content", "2026-01-12.md"), StringComparison.Ordinal) && s.Contains("recorded from", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.StartsWith(Path.Combine(folder, "digests", "broken.json"), StringComparison.Ordinal));
        var history = (await archive.GetHistoryAsync("china-japan/2026-01-12/story-1"))!;
        Assert.Equal([1, 2], history.Days[0].Coverage.Select(c => c.Articles));
        Assert.Equal(new DateTimeOffset(2026, 1, 11, 22, 0, 0, TimeSpan.Zero), history.Sides[0].FirstPublished);
        Assert.Equal(["Nikkei Asia", "SCMP"], history.Days[0].Outlets);
    }

    [Fact]
    public async Task PastFeeds_AreRunDayByDay_ThroughThePipeline_AndRecorded()
    {
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(ChildProcess.Root, "samples", "NewsPerspectives.Cli", "snapshot", "topics.yaml"));
        var services = new ServiceCollection();
        services.AddNewsPerspectives(config);
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        await using var archive = new SqliteStoryArchive(Path.Combine(_folder, "feeds.db"));

        var result = await new StoryArchiveBackfill(archive).FromFeedsAsync(pipeline, config.Topics, new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12), new TimeOnly(4, 0));

        Assert.Equal(2 * config.Topics.Count, result.Days);
        Assert.Empty(result.Refused);
        Assert.Empty(result.Skipped);
        Assert.InRange(result.Continuations, 1, result.Stories);

        // What the back-fill recorded for the 12th is what that day's run finds: its stories, as continuations or new.
        var day12 = StoryArchiveRun.FromDigest((await pipeline.RunAsync(config.Topics[0], new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero))).Digest);
        var again = await archive.RecordAsync(day12);
        Assert.Equal(day12.Stories.Count, again.Count);
        Assert.Contains(again, r => r.IsContinuation && r.FirstSeen == new DateOnly(2026, 1, 11));
        await Assert.ThrowsAsync<ArgumentException>(() => new StoryArchiveBackfill(archive).FromFeedsAsync(pipeline, config.Topics, new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 11), new TimeOnly(4, 0)));
    }

    [Fact]
    public async Task AnArchiveWithLaterDays_RefusesTheOlderOnes_AndSaysWhy()
    {
        await using var archive = new SqliteStoryArchive(Path.Combine(_folder, "later.db"));
        await archive.RecordAsync(Run("china-japan", new DateOnly(2026, 1, 11), China("a", "Rare earth talks")));

        var result = await new StoryArchiveBackfill(archive).FromDigestsAsync(PastDigests);

        Assert.Equal(2, result.Days); // the 11th again (the latest day: replaced) and the 12th
        var refused = Assert.Single(result.Refused);
        Assert.Contains("2026-01-10.md", refused, StringComparison.Ordinal);
        Assert.Contains("already holds 2026-01-11", refused, StringComparison.Ordinal);
    }
}
