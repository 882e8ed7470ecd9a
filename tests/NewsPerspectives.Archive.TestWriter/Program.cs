using System.Globalization;
using NewsPerspectives;
using NewsPerspectives.Archive.TestWriter;

// A second process for the archive tests (tests/NewsPerspectives.Archive.Tests, Sqlite/SqliteArchiveFileTests):
//   crash ARCHIVE            records a small day, prints "committed", then records a huge day (the test kills it mid-write)
//   write ARCHIVE TOPIC N K  records N days of K stories for TOPIC (story k runs every day), prints "done"
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: crash ARCHIVE | write ARCHIVE TOPIC DAYS STORIES");
    return 2;
}

await using var archive = new SqliteStoryArchive(args[1]);
var first = new DateOnly(2026, 1, 1);
switch (args[0])
{
    case "crash":
        await archive.RecordAsync(Runs.Day("crash", first, 30));
        Console.WriteLine("committed");
        Console.Out.Flush();
        Console.WriteLine("writing");
        Console.Out.Flush();
        await archive.RecordAsync(Runs.Day("crash", first.AddDays(1), 60_000, termsPerStory: 20));
        Console.WriteLine("finished"); // never reached when the test kills the process in time
        return 0;
    case "write":
        var topic = args[2];
        int days = int.Parse(args[3], CultureInfo.InvariantCulture);
        int stories = int.Parse(args[4], CultureInfo.InvariantCulture);
        for (int d = 0; d < days; d++)
        {
            await archive.RecordAsync(Runs.Day(topic, first.AddDays(d), stories));
        }

        Console.WriteLine("done");
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}

/// <summary>Deterministic runs: story k of a topic has the same three made-up words every day, so it continues.</summary>
internal static class Runs
{
    public static StoryArchiveRun Day(string topic, DateOnly date, int stories, int termsPerStory = 0) => new()
    {
        TopicId = topic,
        Date = date,
        SideIds = ["alpha", "beta"],
        Stories = Enumerable.Range(0, stories).Select(k => new StorySnapshot
        {
            Id = "s" + k.ToString(CultureInfo.InvariantCulture),
            Headline = $"{MadeUpWords.Word(k)} {MadeUpWords.Word(k + 1_000_000)} {MadeUpWords.Word(k + 2_000_000)} talks",
            Terms = termsPerStory == 0 ? [] : Enumerable.Range(0, termsPerStory).Select(t => MadeUpWords.Word((k * termsPerStory) + t + 3_000_000)).ToArray(),
            Coverage = [new SideCoverage { SideId = k % 2 == 0 ? "alpha" : "beta", Articles = 1 + (k % 3), FirstPublished = new DateTimeOffset(date.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero) }],
            Outlets = ["Outlet " + (k % 7).ToString(CultureInfo.InvariantCulture)],
        }).ToArray(),
    };
}
