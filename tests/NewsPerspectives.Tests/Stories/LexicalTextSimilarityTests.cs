using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests.Stories;

public class LexicalTextSimilarityTests
{
    [Fact]
    public async Task SameEventHeadlinesScoreHigherThanUnrelatedOnesInEveryScript()
    {
        var scores = await new LexicalTextSimilarity().PrepareAsync(
        [
            "EE.UU. levanta sanciones al Banco Central de Venezuela",
            "US lifts sanctions on Venezuela's central bank",
            "中国外務省、高市首相の台湾発言の撤回を要求",
            "高市首相の台湾発言に中国外務省が強く反発",
            "Panda cubs born at Chengdu research base",
        ]);

        Assert.True(scores.Similarity(0, 1) > 0.3, $"es/en: {scores.Similarity(0, 1)}");
        Assert.True(scores.Similarity(2, 3) > 0.3, $"ja: {scores.Similarity(2, 3)}");
        Assert.Equal(0, scores.Similarity(0, 4));
        Assert.Equal(0, scores.Similarity(2, 4));
        Assert.Equal(1, scores.Similarity(1, 1), 9);
    }

    [Fact]
    public void DefaultsRegisterTheNearDuplicateFilterLastAndTheStoryClusterer_AndTheBuilderConfiguresThem()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives().ConfigureNearDuplicates(o => o.AcrossSides = true).UseStoryClustering(o => o.SameSideThreshold = 0.5);
        using var provider = services.BuildServiceProvider();

        var filters = provider.GetServices<IArticleFilter>().ToArray();
        Assert.IsType<NearDuplicateFilter>(filters[^1]);
        Assert.Single(filters, f => f is NearDuplicateFilter);
        Assert.Contains(filters, f => f is ExactDuplicateFilter);
        Assert.IsType<StoryClusterer>(provider.GetRequiredService<IStoryClusterer>());
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsPerspectivesOptions>>().Value;
        Assert.True(options.NearDuplicates.AcrossSides);
        Assert.Equal(0.5, options.Stories.SameSideThreshold);
        Assert.NotNull(provider.GetRequiredService<DigestPipeline>());
    }
}
