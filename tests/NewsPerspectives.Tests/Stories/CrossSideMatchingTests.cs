using static NewsPerspectives.Tests.Stories.StoryTestData;

namespace NewsPerspectives.Tests.Stories;

/// <summary>
/// One event told by two sides in different words or languages: the cross-side step of <see cref="StoryClusterer"/>.
/// The headlines are written for these tests (none is taken from the labelled validation posts).
/// </summary>
public class CrossSideMatchingTests
{
    [Fact]
    public async Task SpanishAndEnglishReportsOfOneInterceptionAreOneStoryCoveredByBothSides()
    {
        var topic = Topic("venezuela", "us");
        var articles = new[]
        {
            Classified(topic, "venezuela", "Estados Unidos intercepta otro petrolero venezolano en el Caribe", "El Nacional", 3),
            Classified(topic, "us", "US intercepts another Venezuelan oil tanker in the Caribbean", "AP", 2),
            Classified(topic, "venezuela", "Venezuela celebra la final del béisbol en Caracas", "El Universal", 1),
        };

        var stories = await new StoryClusterer().ClusterAsync(topic, articles);

        var tanker = StoryOf(stories, articles[0].Article.Title);
        Assert.Same(tanker, StoryOf(stories, articles[1].Article.Title));
        Assert.Equal(2, tanker.CoverageBySide.Count);
        Assert.False(tanker.IsBlindspot);
        Assert.Single(StoryOf(stories, articles[2].Article.Title).Articles);
    }

    [Fact]
    public void TheGlossaryPutsSpanishNewsWordsIntoEnglishBeforeWordsAreCut()
    {
        Assert.True(HeadlineTerms.IsSpanish("Fijan la fecha del juicio de Maduro en Nueva York"));
        Assert.False(HeadlineTerms.IsSpanish("Court sets date for Maduro trial in New York"));
        var spanish = HeadlineTerms.Terms("Fijan la fecha del juicio de Maduro en Nueva York");
        var english = HeadlineTerms.Terms("Court sets date for Maduro trial in New York");
        Assert.Contains("trial", spanish);
        Assert.Contains("date", spanish);
        Assert.Equal(["date", "madur", "trial", "york"], spanish.Intersect(english).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InflectedWordsMeetThroughTheirPrefix()
    {
        var articles = new[]
        {
            Classified(ChinaJapanTopic, "china", "Stabbing in Osaka leaves teenager dead, suspect flees", "CGTN", 2),
            Classified(ChinaJapanTopic, "japan", "Teenagers stabbed in Osaka entertainment district", "Kyodo", 1),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapanTopic, articles);

        Assert.Single(stories);
        Assert.Equal(["china", "japan"], stories[0].CoverageBySide.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EachSideGroupJoinsOnlyItsClosestCounterpart()
    {
        // A Chinese report shares words with two different Japanese stories (both above the across-sides threshold);
        // it joins the closer one only, so a second link cannot chain the two Japanese events together.
        var articles = new[]
        {
            Classified(ChinaJapanTopic, "china", "China protests Japanese destroyer transit and survey flights", "Global Times", 3),
            Classified(ChinaJapanTopic, "japan", "Japanese destroyer transits Taiwan Strait", "NHK", 2),
            Classified(ChinaJapanTopic, "japan", "Japan survey flights near Okinawa draw protest", "Kyodo", 1),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapanTopic, articles);

        var flights = StoryOf(stories, articles[0].Article.Title);
        Assert.Same(flights, StoryOf(stories, articles[2].Article.Title));
        Assert.NotSame(flights, StoryOf(stories, articles[1].Article.Title));
    }

    [Fact]
    public async Task AShortAcrossSidesThresholdStillNeedsOneSharedDistinctiveWord()
    {
        // Only the topic's own names in common: not evidence of one event, however short the headlines.
        var articles = new[]
        {
            Classified(ChinaJapanTopic, "china", "China and Japan", "Xinhua", 2),
            Classified(ChinaJapanTopic, "japan", "Japan, China", "Kyodo", 1),
        };

        var stories = await new StoryClusterer(new StoryClustererOptions { CrossSideThreshold = 0.01 }).ClusterAsync(ChinaJapanTopic, articles);

        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public async Task AWordInMostHeadlinesOfALargeBatchCountsForLittle()
    {
        var articles = Enumerable.Range(0, 60)
            .Select(i => Classified(ChinaJapanTopic, i % 2 == 0 ? "china" : "japan", $"Live updates: {UniqueWord(i)} {UniqueWord(i + 100)}", $"Outlet {i % 7}", i % 20))
            .ToArray();

        var flat = await new StoryClusterer(new StoryClustererOptions { CommonTermShare = 1 }).ClusterAsync(ChinaJapanTopic, articles);
        var capped = await new StoryClusterer().ClusterAsync(ChinaJapanTopic, articles);

        Assert.True(flat.Count < 60); // "live updates" alone joins them when every word weighs the same
        Assert.Equal(60, capped.Count);
    }

    private static readonly TopicDefinition ChinaJapanTopic = Topic();

    /// <summary>A letters-only word whose first five letters no other index shares.</summary>
    private static string UniqueWord(int i) => $"{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}qvx";
}
