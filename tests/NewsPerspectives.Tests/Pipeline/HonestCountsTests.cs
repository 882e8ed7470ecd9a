using NewsPerspectives.Tests.Stories;
using static NewsPerspectives.Tests.Stories.StoryTestData;

namespace NewsPerspectives.Tests.Pipeline;

public class HonestCountsTests
{
    internal sealed class MemorySource(IReadOnlyDictionary<string, FeedItem[]> itemsBySide) : IFeedSource
    {
        public bool CanRead(FeedDefinition feed) => feed.Side is not null && itemsBySide.ContainsKey(feed.Side);

        public Task<FeedReadResult> ReadAsync(FeedDefinition feed, CancellationToken cancellationToken = default) =>
            Task.FromResult(new FeedReadResult { Status = FeedStatus.Ok, Items = itemsBySide[feed.Side!] });
    }

    internal static FeedItem Item(string title, string outlet, int hoursAgo) => new()
    {
        Title = $"{title} - {outlet}",
        Link = $"https://example.com/{outlet.Replace(' ', '-')}/{Math.Abs(StringComparer.Ordinal.GetHashCode(title)):x}",
        SourceName = outlet,
        PublishedText = AsOf.AddHours(-hoursAgo).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static async Task<DigestRun> RunAsync(int maxArticles = 4)
    {
        var topic = Topic();
        topic = new TopicDefinition { Id = topic.Id, Name = topic.Name, Sides = topic.Sides, Feeds = topic.Feeds, Limits = new TopicLimits { MaxArticles = maxArticles } };
        var source = new MemorySource(new Dictionary<string, FeedItem[]>
        {
            ["china"] =
            [
                Item("China coast guard ships enter waters near Senkaku Islands", "CGTN", 1),
                Item("Chinese coast guard patrols waters off Senkaku Islands", "Global Times", 2),
                Item("Coast guard vessels patrol Senkaku Islands waters, China says", "Xinhua", 3),
                Item("China and Japan hold talks on seafood import ban", "China Daily", 4),
                Item("China and Japan hold talks on seafood import ban", "China Daily Global Edition", 5),
                Item("Panda cubs born at Chengdu research base in China", "People's Daily", 6),
                Item("Chinese tourists return to Japan's ski resorts", "Sixth Tone", 7),
            ],
            ["japan"] =
            [
                Item("Japan and China hold talks on seafood import ban in Beijing", "Kyodo", 1),
                Item("Japan's economy grows faster than expected in fourth quarter", "Nikkei", 2),
                Item("Tokyo lodges protest over Chinese research vessel in its EEZ", "NHK", 3),
            ],
        });
        var pipeline = new DigestPipeline(
            [source],
            [new AgeWindowFilter(), new ExactDuplicateFilter(), new NearDuplicateFilter()],
            new FeedSideClassifier(),
            new StoryClusterer(),
            new ExtractiveSummarizer().AsBuilder().UseFallbackAndChecks().Build(),
            TimeProvider.System);
        return await pipeline.RunAsync(topic, AsOf);
    }

    [Fact]
    public async Task DigestKeepsTheBalancedCapAndReportsTrueCoverageBeforeIt()
    {
        var run = await RunAsync(maxArticles: 4);

        var china = run.Digest.Sides.Single(s => s.Side.Id == "china");
        var japan = run.Digest.Sides.Single(s => s.Side.Id == "japan");
        Assert.Equal(2, china.Count);
        Assert.Equal(2, japan.Count);
        Assert.Equal(6, china.Found); // 7 read, one near-duplicate collapsed
        Assert.Equal(3, japan.Found);
        Assert.Equal(4, run.Digest.Sources.Count);
        Assert.Single(run.Diagnostics.Dropped, d => d.Reason == DropReason.NearDuplicate);
        Assert.Equal(5, run.Diagnostics.Dropped.Count(d => d.Reason == DropReason.OverCap));
    }

    [Fact]
    public async Task StoriesCoverEveryClassifiedArticleNotOnlyTheListedOnes()
    {
        var run = await RunAsync(maxArticles: 4);

        var coastGuard = StoryOf(run.Digest.Stories.Select(s => s.Story).ToArray(), "Coast guard vessels patrol Senkaku Islands waters, China says");
        Assert.Equal(3, coastGuard.Articles.Count); // two are beyond the cap, but the coverage is honest
        Assert.True(coastGuard.IsBlindspot);
        var talks = StoryOf(run.Digest.Stories.Select(s => s.Story).ToArray(), "Japan and China hold talks on seafood import ban in Beijing");
        Assert.False(talks.IsBlindspot);
        Assert.Equal(1, talks.CoverageBySide["china"]);
        Assert.Equal(1, talks.CoverageBySide["japan"]);
        // Each listed source is in exactly one story; a story beyond the cap is kept when it has several articles.
        Assert.All(run.Digest.Sources, s => Assert.Single(run.Digest.Stories, story => story.SourceNumbers.Contains(s.Number)));
        Assert.All(run.Digest.Sources, s => Assert.Equal(s.StoryId, run.Digest.Stories.Single(story => story.SourceNumbers.Contains(s.Number)).Id));
        Assert.All(run.Digest.Stories, story => Assert.True(story.SourceNumbers.Count > 0 || story.IsNotable));
        Assert.True(run.Digest.Stories.Sum(s => s.ArticleCount) <= run.Digest.Sides.Sum(s => s.Found));
    }
}
