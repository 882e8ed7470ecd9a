using static NewsPerspectives.Tests.Stories.StoryTestData;

namespace NewsPerspectives.Tests.Stories;

public class StoryClustererTests
{
    private static readonly TopicDefinition ChinaJapan = Topic();

    [Fact]
    public async Task ChineseHeadlinesOfOneEventClusterAndAnotherEventStaysApart()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "中方就高市早苗涉台错误言论向日方提出严正交涉", "Xinhua", 1),
            Classified(ChinaJapan, "china", "外交部：中方就高市早苗涉台错误言论提出严正交涉", "People's Daily", 2),
            Classified(ChinaJapan, "china", "上海迪士尼乐园新园区开幕吸引大批游客", "China Daily", 3),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);

        Assert.Equal(2, stories.Count);
        Assert.Equal(2, StoryOf(stories, articles[0].Article.Title).Articles.Count);
        Assert.Same(StoryOf(stories, articles[0].Article.Title), StoryOf(stories, articles[1].Article.Title));
        Assert.Single(StoryOf(stories, articles[2].Article.Title).Articles);
    }

    [Fact]
    public async Task JapaneseHeadlinesOfOneEventClusterAndAnotherEventStaysApart()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "japan", "高市首相の台湾発言に中国外務省が強く反発", "NHK", 1),
            Classified(ChinaJapan, "japan", "中国外務省、高市首相の台湾発言の撤回を要求", "Asahi", 2),
            Classified(ChinaJapan, "japan", "大阪マラソンに3万人が参加、沿道に声援", "Mainichi", 3),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);

        Assert.Equal(2, stories.Count);
        Assert.Same(StoryOf(stories, articles[0].Article.Title), StoryOf(stories, articles[1].Article.Title));
        Assert.NotSame(StoryOf(stories, articles[0].Article.Title), StoryOf(stories, articles[2].Article.Title));
    }

    [Fact]
    public async Task SpanishAndEnglishHeadlinesOfOneEventClusterAcrossSides()
    {
        var topic = Topic("venezuela", "us");
        var articles = new[]
        {
            Classified(topic, "venezuela", "EE.UU. levanta sanciones al Banco Central de Venezuela", "El Espectador", 1),
            Classified(topic, "venezuela", "Estados Unidos levanta las sanciones contra el Banco Central venezolano", "teleSUR", 2),
            Classified(topic, "us", "US lifts sanctions on Venezuela's central bank", "Reuters", 3),
            Classified(topic, "venezuela", "Venezuela gana la Serie del Caribe de béisbol en Caracas", "El Universal", 4),
        };

        var stories = await new StoryClusterer().ClusterAsync(topic, articles);

        var sanctions = StoryOf(stories, articles[0].Article.Title);
        Assert.Equal(3, sanctions.Articles.Count);
        Assert.Equal(2, sanctions.CoverageBySide["venezuela"]);
        Assert.Equal(1, sanctions.CoverageBySide["us"]);
        Assert.False(sanctions.IsBlindspot);
        Assert.Same(sanctions, stories[0]);
        Assert.Single(StoryOf(stories, articles[3].Article.Title).Articles);
    }

    [Fact]
    public async Task StoryCoveredByOneSideOnlyIsABlindspotAndSingletonsAreNot()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "China coast guard ships enter waters near Senkaku Islands", "CGTN", 1),
            Classified(ChinaJapan, "china", "Chinese coast guard patrols waters off Senkaku Islands", "Global Times", 2),
            Classified(ChinaJapan, "china", "Coast guard vessels patrol Senkaku Islands waters, China says", "Xinhua", 3),
            Classified(ChinaJapan, "japan", "Japan's economy grows faster than expected in fourth quarter", "Nikkei", 4),
            Classified(ChinaJapan, "japan", "Japan and China hold talks on seafood import ban in Beijing", "Kyodo", 5),
            Classified(ChinaJapan, "china", "China and Japan hold talks on seafood import ban", "China Daily", 6),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);

        var coastGuard = StoryOf(stories, articles[0].Article.Title);
        Assert.Equal(3, coastGuard.Articles.Count);
        Assert.True(coastGuard.IsBlindspot);
        Assert.Equal(new Dictionary<string, int> { ["china"] = 3 }, coastGuard.CoverageBySide);

        var talks = StoryOf(stories, articles[4].Article.Title);
        Assert.Equal(2, talks.Articles.Count);
        Assert.False(talks.IsBlindspot);
        Assert.Same(talks, stories[0]); // two sides first

        Assert.False(StoryOf(stories, articles[3].Article.Title).IsBlindspot);
    }

    [Fact]
    public async Task OutputIsTheSameWhateverTheInputOrder()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "China coast guard ships enter waters near Senkaku Islands", "CGTN", 1),
            Classified(ChinaJapan, "japan", "Chinese coast guard ships enter Senkaku waters, Japan protests", "NHK", 2),
            Classified(ChinaJapan, "japan", "Japan's economy grows faster than expected", "Nikkei", 3),
            Classified(ChinaJapan, "china", "Panda cubs born at Chengdu base", "Xinhua", 4),
        };

        var forward = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);
        var backward = await new StoryClusterer().ClusterAsync(ChinaJapan, articles.Reverse().ToArray());

        Assert.Equal(forward.Select(s => s.Id), backward.Select(s => s.Id));
        Assert.Equal(forward.Select(s => s.Headline), backward.Select(s => s.Headline));
        Assert.Equal(forward.Select(s => string.Join('|', s.Articles.Select(a => a.Article.Id))), backward.Select(s => string.Join('|', s.Articles.Select(a => a.Article.Id))));
        Assert.Equal(3, forward.Count);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public async Task ChainsAndGroupsComeOutTheSameForEveryInputPermutation(int exhaustiveBelow)
    {
        string[] titles =
        [
            "China coast guard ships enter waters near Senkaku Islands",
            "Chinese coast guard patrols waters off Senkaku Islands",
            "Japan protests Chinese coast guard patrol near Senkaku",
            "Japan protests Chinese survey ship in its waters",
            "Chinese survey ship leaves Japanese waters after protest",
            "China and Japan hold talks on seafood import ban",
            "Japan and China talks on seafood ban end without deal",
            "Seafood exporters in Japan hope talks with China end ban",
            "Takaichi remarks on Taiwan draw protest from Beijing",
            "Beijing protests Takaichi Taiwan remarks, summons envoy",
            "Envoy summoned over Taiwan remarks as row deepens",
            "Panda cubs born at Chengdu base",
        ];
        var articles = titles.Select((t, i) => Classified(ChinaJapan, i % 3 == 0 ? "japan" : "china", t, $"Outlet {i % 5}", (i * 7) % 30)).ToArray();
        var options = new StoryClustererOptions { ExhaustiveBelow = exhaustiveBelow };
        var expected = await new StoryClusterer(options).ClusterAsync(ChinaJapan, articles);

        var random = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            var shuffled = articles.OrderBy(_ => random.Next()).ToArray();
            var actual = await new StoryClusterer(options).ClusterAsync(ChinaJapan, shuffled);
            Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        }

        static string Describe(Story s) => $"{s.Id}:{s.Headline}:{s.IsBlindspot}:{string.Join('|', s.Articles.Select(a => a.Article.Id))}";
    }

    [Fact]
    public async Task IndexedCandidateGenerationFindsTheSameEventInALargeBatch()
    {
        // ExhaustiveBelow = 0 forces the inverted-index path, as for large batches.
        var articles = new List<ClassifiedArticle>();
        for (int i = 0; i < 400; i++)
        {
            articles.Add(Classified(ChinaJapan, i % 2 == 0 ? "china" : "japan", $"Unrelated report number {i} about topic{i} and subject{i * 7}", $"Outlet {i % 13}", i % 90));
        }

        articles.Add(Classified(ChinaJapan, "china", "Typhoon Haikui makes landfall in Fujian province", "CGTN", 10));
        articles.Add(Classified(ChinaJapan, "japan", "Typhoon Haikui landfall in Fujian forces evacuations", "NHK", 11));

        var stories = await new StoryClusterer(new StoryClustererOptions { ExhaustiveBelow = 0 }).ClusterAsync(ChinaJapan, articles);

        var typhoon = StoryOf(stories, "Typhoon Haikui makes landfall in Fujian province");
        Assert.Equal(2, typhoon.Articles.Count);
        Assert.Equal(401, stories.Count);
    }

    [Fact]
    public async Task TheSameWordsAWeekApartAreDifferentEvents()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "Chinese coast guard ships enter Senkaku waters", "CGTN", 1),
            Classified(ChinaJapan, "japan", "Chinese coast guard ships enter Senkaku waters again", "NHK", 24 * 7),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);
        var wideWindow = await new StoryClusterer(new StoryClustererOptions { MaxTimeApart = TimeSpan.FromDays(8) }).ClusterAsync(ChinaJapan, articles);

        Assert.Equal(2, stories.Count);
        Assert.Single(wideWindow);
    }

    [Fact]
    public async Task RepresentativeHeadlineIsTheMostCentralOne()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "Wang Yi meets Japanese foreign minister in Beijing", "Xinhua", 1),
            Classified(ChinaJapan, "japan", "Japanese foreign minister meets Wang Yi in Beijing for talks on seafood", "NHK", 2),
            Classified(ChinaJapan, "japan", "Foreign minister meets Wang Yi", "Kyodo", 3),
        };

        var stories = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);

        var story = Assert.Single(stories);
        Assert.Equal("Wang Yi meets Japanese foreign minister in Beijing", story.Headline);
    }

    [Fact]
    public async Task SemanticSimilarityJoinsHeadlinesTheLexicalCheckMisses()
    {
        var articles = new[]
        {
            Classified(ChinaJapan, "china", "Beijing summons Japanese envoy", "Xinhua", 1),
            Classified(ChinaJapan, "japan", "Japanese ambassador called in by China over premier's comments", "NHK", 2),
        };

        var lexical = await new StoryClusterer().ClusterAsync(ChinaJapan, articles);
        var semantic = await new StoryClusterer(semantic: new FixedSimilarity(0.9)).ClusterAsync(ChinaJapan, articles);

        Assert.Equal(2, lexical.Count);
        Assert.Single(semantic);
    }

    private sealed class FixedSimilarity(double value) : ITextSimilarity, ITextSimilarityScores
    {
        public ValueTask<ITextSimilarityScores> PrepareAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<ITextSimilarityScores>(this);

        public double Similarity(int first, int second) => value;
    }
}
