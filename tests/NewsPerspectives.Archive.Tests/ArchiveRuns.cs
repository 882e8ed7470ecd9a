namespace NewsPerspectives.Archive.Tests;

/// <summary>Builders of archive runs for the tests.</summary>
internal static class ArchiveRuns
{
    public static readonly DateOnly Day1 = new(2026, 1, 10);

    public static StoryArchiveRun Run(string topic, DateOnly date, params StorySnapshot[] stories) => Run(topic, date, ["china", "japan"], stories);

    public static StoryArchiveRun Run(string topic, DateOnly date, string[] sides, params StorySnapshot[] stories) =>
        new() { TopicId = topic, Date = date, SideIds = sides, Stories = stories };

    /// <summary>A story with its headline's terms (none given: the archive takes the headline's), covered by the given sides.</summary>
    public static StorySnapshot Story(string id, string headline, params (string Side, int Articles, int Hour)[] coverage) => new()
    {
        Id = id,
        Headline = headline,
        Coverage = coverage.Select(c => new SideCoverage { SideId = c.Side, Articles = c.Articles, FirstPublished = new DateTimeOffset(2026, 1, 1, c.Hour, 0, 0, TimeSpan.Zero) }).ToArray(),
        Outlets = coverage.Select(c => c.Side + " Daily").ToArray(),
    };

    public static StorySnapshot China(string id, string headline) => Story(id, headline, ("china", 2, 3));

    public static StorySnapshot Japan(string id, string headline) => Story(id, headline, ("japan", 1, 5));

    public static StorySnapshot Both(string id, string headline) => Story(id, headline, ("china", 2, 3), ("japan", 1, 5));

    /// <summary>Filler stories on made-up, unrelated events (distinct for each seed), so term weights look like a real day's.</summary>
    public static StorySnapshot[] Filler(int seed, int count) =>
        Enumerable.Range(0, count).Select(i => China($"f{seed}-{i}", $"{Word((seed * 1000) + i)} {Word((seed * 1000) + i + 500_000)} council report")).ToArray();

    public static string Word(int n) => TestWriter.MadeUpWords.Word(n);
}
