using static NewsPerspectives.Archive.Tests.ArchiveRuns;

namespace NewsPerspectives.Archive.Tests;

/// <summary>
/// The contract of <see cref="IStoryArchive"/> and <see cref="IStoryArchiveMaintenance"/>, run against every engine
/// (SQLite, PostgreSQL): each subclass makes fresh, empty archives.
/// </summary>
public abstract class StoryArchiveConformanceTests : IAsyncLifetime
{
    private readonly List<IStoryArchive> _archives = [];

    /// <summary>A new, empty archive of the engine under test.</summary>
    protected abstract IStoryArchive CreateArchive(Action<StoryContinuationOptions>? continuation = null);

    protected IStoryArchive NewArchive(Action<StoryContinuationOptions>? continuation = null)
    {
        var archive = CreateArchive(continuation);
        _archives.Add(archive);
        return archive;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var archive in _archives)
        {
            if (archive is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [ArchiveFact]
    public async Task Record_FirstDay_EveryStoryIsNew_WithAStableArchiveId()
    {
        var archive = NewArchive();
        var recorded = await archive.RecordAsync(Run("china-japan", Day1, Both("s1", "Japan and China hold rare earth export talks in Tokyo"), Japan("s2", "Typhoon hits Okinawa")));

        Assert.Equal(["s1", "s2"], recorded.Select(r => r.StoryId));
        Assert.All(recorded, r => Assert.False(r.IsContinuation));
        Assert.All(recorded, r => Assert.Equal(Day1, r.FirstSeen));
        Assert.All(recorded, r => Assert.Equal(1, r.DaysRun));
        Assert.All(recorded, r => Assert.Null(r.Score));
        Assert.Equal("china-japan/2026-01-10/s1", recorded[0].ArchivedStoryId);
    }

    [ArchiveFact]
    public async Task Record_NextDay_TheSameDevelopingEventContinues_AndANewOneStarts()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("china-japan", Day1, [Both("a1", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 8)]));
        var day2 = await archive.RecordAsync(Run("china-japan", Day1.AddDays(1),
            [China("b1", "China and Japan rare earth export talks end without a deal"), Japan("b2", "Japanese carmaker recalls hybrid models"), .. Filler(2, 8)]));

        var continued = day2[0];
        Assert.True(continued.IsContinuation);
        Assert.Equal("china-japan/2026-01-10/a1", continued.ArchivedStoryId);
        Assert.Equal(Day1, continued.FirstSeen);
        Assert.Equal(2, continued.DaysRun);
        Assert.InRange(continued.Score!.Value, new StoryContinuationOptions().MinScore, 1.0);
        Assert.False(day2[1].IsContinuation);
        Assert.Equal("china-japan/2026-01-11/b2", day2[1].ArchivedStoryId);
        Assert.All(day2.Skip(2), r => Assert.False(r.IsContinuation));
    }

    [ArchiveFact]
    public async Task Continuation_LooksBackOnlyWithinTheWindow()
    {
        var archive = NewArchive(o => o.WindowDays = 2);
        await archive.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 5)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(1), Filler(2, 5)));
        var inWindow = await archive.FindContinuationsAsync(Run("t", Day1.AddDays(2), Both("c", "Rare earth export talks between Japan and China resume in Tokyo")));
        Assert.Equal("t/2026-01-10/a", Assert.Single(inWindow).ArchivedStoryId);

        await archive.RecordAsync(Run("t", Day1.AddDays(2), Filler(3, 5)));
        var outOfWindow = await archive.RecordAsync(Run("t", Day1.AddDays(3), Both("d", "Rare earth export talks between Japan and China resume in Tokyo")));
        Assert.False(outOfWindow[0].IsContinuation);
    }

    [ArchiveFact]
    public async Task FindContinuations_ReportsTheArchivedStory_AndWritesNothing()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 5)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(1), [China("b", "China and Japan rare earth talks enter second day in Tokyo"), .. Filler(2, 5)]));
        var run = Run("t", Day1.AddDays(2), China("c", "Rare earth talks in Tokyo: China and Japan sign export deal"), Japan("d", "Snowstorm closes Sapporo airport"));

        var found = await archive.FindContinuationsAsync(run);
        var again = await archive.FindContinuationsAsync(run);

        var continuation = Assert.Single(found);
        Assert.Equal("c", continuation.StoryId);
        Assert.Equal("t/2026-01-10/a", continuation.ArchivedStoryId);
        Assert.Equal(Day1, continuation.FirstSeen);
        Assert.Equal(Day1.AddDays(1), continuation.LastSeen);
        Assert.Equal(2, continuation.DaysRun);
        Assert.Equal("China and Japan rare earth talks enter second day in Tokyo", continuation.LastHeadline);
        Assert.Equal(continuation.Score, Assert.Single(again).Score);
        Assert.Equal(2, (await archive.GetHistoryAsync("t/2026-01-10/a"))!.Days.Count);
        Assert.Empty(await archive.FindContinuationsAsync(Run("unknown-topic", Day1.AddDays(2), China("c", "Rare earth talks in Tokyo"))));
    }

    [ArchiveFact]
    public async Task History_IsTheTimeline_FirstDayPerSide_AndTheSideThatNeverCovered()
    {
        var archive = NewArchive();
        string[] sides = ["china", "japan", "us"];
        await archive.RecordAsync(Run("t", Day1, sides, [Story("a", "Japan and China hold rare earth export talks in Tokyo", ("china", 3, 2)), .. Filler(1, 4)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(1), sides, [Story("b", "China and Japan rare earth export talks enter second day", ("china", 2, 6)), .. Filler(2, 4)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(2), sides, [Story("c", "Japan says rare earth export talks with China made progress", ("china", 1, 9), ("japan", 4, 1)), .. Filler(3, 4)]));

        var history = (await archive.GetHistoryAsync("t/2026-01-10/a"))!;

        Assert.Equal("t", history.TopicId);
        Assert.Equal("t/2026-01-10/a", history.Id);
        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], history.Days.Select(d => d.Date));
        Assert.Equal(["a", "b", "c"], history.Days.Select(d => Assert.Single(d.StoryIds)));
        Assert.Equal("Japan says rare earth export talks with China made progress", history.Headline);
        Assert.Equal(Day1, history.FirstSeen);
        Assert.Equal(Day1.AddDays(2), history.LastSeen);
        Assert.Null(history.Days[0].Score);
        Assert.NotNull(history.Days[1].Score);
        Assert.Equal(["china", "japan"], history.Days[2].Coverage.Select(c => c.SideId));
        Assert.Equal([1, 4], history.Days[2].Coverage.Select(c => c.Articles));
        Assert.Equal(["china Daily", "japan Daily"], history.Days[2].Outlets);

        Assert.Equal(["china", "japan"], history.Sides.Select(s => s.SideId));
        var china = history.Sides[0];
        Assert.Equal(Day1, china.FirstDay);
        Assert.Equal(3, china.DaysCovered);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), china.FirstPublished);
        var japan = history.Sides[1];
        Assert.Equal(Day1.AddDays(2), japan.FirstDay);
        Assert.Equal(1, japan.DaysCovered);
        Assert.Equal(["us"], history.SidesNeverCovered);
    }

    [ArchiveFact]
    public async Task History_OfAnUnknownStory_IsNull()
    {
        var archive = NewArchive();
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/none"));
        await archive.RecordAsync(Run("t", Day1, China("a", "Rare earth talks")));
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/none"));
        Assert.NotNull(await archive.GetHistoryAsync("t/2026-01-10/a"));
    }

    [ArchiveFact]
    public async Task Record_TheLatestDayAgain_ReplacesIt()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 5)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(1), [China("b", "Rare earth export talks between China and Japan end"), Japan("x", "Volcano erupts near Kagoshima"), .. Filler(2, 5)]));

        // The day is run again: the volcano story is gone, a new story came in, and the talks story still continues.
        var again = await archive.RecordAsync(Run("t", Day1.AddDays(1), [China("b", "Rare earth export talks between China and Japan end"), Japan("y", "Earthquake shakes Hokkaido coast"), .. Filler(2, 5)]));

        Assert.True(again[0].IsContinuation);
        Assert.Equal(2, again[0].DaysRun);
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-11/x"));
        Assert.Equal(2, (await archive.GetHistoryAsync("t/2026-01-10/a"))!.Days.Count);
        Assert.Equal("Earthquake shakes Hokkaido coast", (await archive.GetHistoryAsync("t/2026-01-11/y"))!.Headline);

        // The removed day's terms no longer find anything; the new day's do.
        Assert.Empty(await archive.FindContinuationsAsync(Run("t", Day1.AddDays(2), Japan("v", "Volcano erupts near Kagoshima again"))));
        Assert.Equal("t/2026-01-11/y", Assert.Single(await archive.FindContinuationsAsync(Run("t", Day1.AddDays(2), Japan("e", "Earthquake shakes Hokkaido coast again")))).ArchivedStoryId);
    }

    [ArchiveFact]
    public async Task Record_AnEarlierDay_FailsClearly_AndChangesNothing()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("t", Day1.AddDays(3), China("a", "Rare earth talks in Tokyo")));

        var error = await Assert.ThrowsAsync<NewsPerspectivesException>(() => archive.RecordAsync(Run("t", Day1, China("b", "Rare earth talks in Tokyo"))));

        Assert.Contains("2026-01-13", error.Message, StringComparison.Ordinal);
        Assert.Contains("'t'", error.Message, StringComparison.Ordinal);
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/b"));

        // Another topic has its own days.
        Assert.False((await archive.RecordAsync(Run("u", Day1, China("b", "Rare earth talks in Tokyo"))))[0].IsContinuation);
    }

    [ArchiveFact]
    public async Task TwoOfADaysStories_CanContinueOneArchivedStory_AndThatDayListsBoth()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 6)]));

        // The day's clustering split one developing event in two: both continue it.
        var day2 = await archive.RecordAsync(Run("t", Day1.AddDays(1),
            [Story("big", "Japan and China rare earth export talks in Tokyo end", ("china", 3, 4), ("japan", 1, 8)),
             Story("small", "Rare earth export talks: Japan and China trade blame in Tokyo", ("japan", 2, 2)), .. Filler(2, 6)]));

        Assert.All(day2.Take(2), r => Assert.Equal("t/2026-01-10/a", r.ArchivedStoryId));
        Assert.All(day2.Take(2), r => Assert.Equal(2, r.DaysRun));
        var history = (await archive.GetHistoryAsync("t/2026-01-10/a"))!;
        Assert.Equal(2, history.Days.Count);
        Assert.Equal(["big", "small"], history.Days[1].StoryIds);
        Assert.Equal("Japan and China rare earth export talks in Tokyo end", history.Days[1].Headline);
        Assert.Equal([3, 3], history.Days[1].Coverage.Select(c => c.Articles));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), history.Days[1].Coverage[1].FirstPublished);

        var day3 = await archive.FindContinuationsAsync(Run("t", Day1.AddDays(2), China("c", "Japan and China resume rare earth export talks in Tokyo")));
        Assert.Equal(2, Assert.Single(day3).DaysRun);
    }

    [ArchiveFact]
    public async Task Topics_AreSeparate()
    {
        var archive = NewArchive();
        await archive.RecordAsync(Run("china-japan", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 5)]));
        var other = await archive.RecordAsync(Run("us-china", Day1.AddDays(1), [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(2, 5)]));
        Assert.False(other[0].IsContinuation);
        Assert.Equal("us-china/2026-01-11/a", other[0].ArchivedStoryId);
    }

    [ArchiveFact]
    public async Task Text_RoundTripsExactly_WhateverItHolds()
    {
        var archive = NewArchive();
        const string headline = "'); DROP TABLE stories; -- 日本と中国 \"レアアース\" talks — ñandú 😀";
        var story = new StorySnapshot
        {
            Id = "id with spaces/and 'quotes'",
            Headline = headline,
            Terms = ["日本", "中国", "drop"],
            Coverage = [new SideCoverage { SideId = "japan", Articles = 2, FirstPublished = new DateTimeOffset(2026, 1, 10, 1, 2, 3, 456, TimeSpan.Zero) }],
            Outlets = ["朝日新聞", "O'Reilly Times"],
        };
        var recorded = await archive.RecordAsync(Run("t", Day1, story));
        var history = (await archive.GetHistoryAsync(recorded[0].ArchivedStoryId))!;

        Assert.Equal(headline, history.Headline);
        Assert.Equal(["id with spaces/and 'quotes'"], history.Days[0].StoryIds);
        Assert.Equal(["朝日新聞", "O'Reilly Times"], history.Days[0].Outlets);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 1, 2, 3, 456, TimeSpan.Zero), history.Sides[0].FirstPublished);
        Assert.Equal(["china"], history.SidesNeverCovered);
        Assert.Single(await archive.FindContinuationsAsync(Run("t", Day1.AddDays(1), new StorySnapshot { Id = "n", Headline = "日本と中国", Terms = ["日本", "中国"] })));
    }

    [ArchiveFact]
    public async Task InvalidRuns_AreRejectedWithTheReason_BeforeAnythingIsWritten()
    {
        var archive = NewArchive();
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => archive.RecordAsync(Run("t", Day1, China("a", "One"), China("a", "Two"))));
        Assert.Contains("repeats", duplicate.Message, StringComparison.Ordinal);
        var unknownSide = await Assert.ThrowsAsync<ArgumentException>(() => archive.RecordAsync(Run("t", Day1, Story("a", "One", ("korea", 1, 1)))));
        Assert.Contains("korea", unknownSide.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => archive.RecordAsync(Run("t", Day1, new StorySnapshot { Id = "a", Headline = "x", Terms = ["two words"] })));
        await Assert.ThrowsAsync<ArgumentException>(() => archive.RecordAsync(Run(" ", Day1, China("a", "One"))));
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/a"));
    }

    [ArchiveFact]
    public async Task SameRuns_GiveTheSameResults_InAnyArchive()
    {
        async Task<string> Replay(IStoryArchive archive)
        {
            var lines = new List<string>();
            for (int d = 0; d < 4; d++)
            {
                var recorded = await archive.RecordAsync(Run("t", Day1.AddDays(d),
                    [Both($"r{d}", $"Rare earth export talks between Japan and China, round {d + 1}"), China($"v{d}", "Venezuela oil tanker seized near Caribbean"), .. Filler(d, 5)]));
                lines.AddRange(recorded.Select(r => $"{r.StoryId} {r.ArchivedStoryId} {r.IsContinuation} {r.DaysRun} {r.Score:R}"));
            }

            return string.Join('\n', lines);
        }

        Assert.Equal(await Replay(NewArchive()), await Replay(NewArchive()));
    }

    [ArchiveFact]
    public async Task Prune_RemovesOldDays_KeepsWhatFollows_AndContinuationStillWorks()
    {
        var archive = NewArchive();
        var maintenance = (IStoryArchiveMaintenance)archive;
        await archive.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), Japan("old", "Typhoon hits Okinawa")]));
        await archive.RecordAsync(Run("t", Day1.AddDays(1), [China("b", "China and Japan rare earth export talks enter second day"), .. Filler(2, 3)]));
        await archive.RecordAsync(Run("t", Day1.AddDays(2), [China("c", "Rare earth export talks: Japan and China near a deal"), .. Filler(3, 3)]));

        int removed = await maintenance.PruneAsync(Day1.AddDays(1));

        Assert.Equal(2, removed);
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/old"));
        var talks = (await archive.GetHistoryAsync("t/2026-01-10/a"))!;
        Assert.Equal([Day1.AddDays(1), Day1.AddDays(2)], talks.Days.Select(d => d.Date));
        Assert.Equal(["china"], talks.Sides.Select(s => s.SideId));
        var next = await archive.RecordAsync(Run("t", Day1.AddDays(3), [China("d", "Japan and China sign rare earth export deal after talks"), .. Filler(4, 3)]));
        Assert.True(next[0].IsContinuation);
        Assert.Equal(Day1.AddDays(1), next[0].FirstSeen);
        Assert.Equal(3, next[0].DaysRun);

        await maintenance.VacuumAsync();
        Assert.Equal(3, (await archive.GetHistoryAsync("t/2026-01-10/a"))!.Days.Count);
        Assert.Equal(0, await maintenance.PruneAsync(Day1));
    }
}
