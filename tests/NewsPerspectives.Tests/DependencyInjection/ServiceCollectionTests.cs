using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests.DependencyInjection;

public class ServiceCollectionTests
{
    private sealed class EverythingIsAlpha : IPerspectiveClassifier
    {
        public ValueTask<PerspectiveAssignment?> ClassifyAsync(Article article, TopicDefinition topic, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<PerspectiveAssignment?>(new PerspectiveAssignment { SideId = "alpha", Confidence = 0.5, Reason = "everything is alpha" });
    }

    private sealed class OneLineSummarizer : ISummarizer
    {
        public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new DigestSummary
            {
                Highlights = [new SummaryBullet { Text = request.Sources[0].Article.Title, Citations = [1, 99] }, new SummaryBullet { Text = "rests on nothing", Citations = [0, 99] }],
                SideBullets = new Dictionary<string, IReadOnlyList<SummaryBullet>>(),
            });
    }

    private sealed class ThrowingSummarizer : ISummarizer
    {
        public Task<DigestSummary> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("model unavailable");
    }

    [Fact]
    public async Task AFailingSummarizer_FallsBackToTheExtractiveOneWithTheConfiguredOptions()
    {
        using var provider = TestPipeline.Services(o => o.Summarizer.BulletsPerSide = 1, b => b.UseSummarizer<ThrowingSummarizer>());
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.TestData, "golden", "topics.yaml"));
        var run = await provider.GetRequiredService<DigestPipeline>().RunAsync(config.Topics.Single(), config.AsOf);
        Assert.Contains(run.Diagnostics.Notes, n => n.Contains("ThrowingSummarizer failed", StringComparison.Ordinal) && n.Contains("model unavailable", StringComparison.Ordinal));
        Assert.NotEmpty(run.Digest.Highlights);
        Assert.All(run.Digest.Sides, s => Assert.True(s.Bullets.Count <= 1));
        Assert.Contains(run.Digest.Sides, s => s.Bullets.Count == 1);
    }

    [Fact]
    public void Defaults_AreRegistered()
    {
        using var provider = TestPipeline.Services();
        Assert.IsType<CompositeClassifier>(provider.GetRequiredService<IPerspectiveClassifier>());
        Assert.IsType<ExtractiveSummarizer>(provider.GetRequiredService<ISummarizer>());
        Assert.IsType<FallbackSummarizer>(provider.GetRequiredKeyedService<ISummarizer>(NewsPerspectivesServiceCollectionExtensions.PipelineSummarizerKey));
        Assert.IsType<LogOddsFramingAnalyzer>(provider.GetRequiredService<IFramingAnalyzer>());
        Assert.Equal(["markdown", "json", "html"], provider.GetServices<IDigestFormatter>().Select(w => w.Format));
        Assert.Equal(["markdown", "json", "html"], provider.GetRequiredService<DigestPublisher>().Formats);
        Assert.Contains(provider.GetServices<IFeedSource>(), s => s is FileFeedSource);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<DigestPipeline>());
    }

    [Fact]
    public void RegistrationsMadeBefore_WinOverDefaults()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPerspectiveClassifier, EverythingIsAlpha>();
        services.AddNewsPerspectives();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<EverythingIsAlpha>(provider.GetRequiredService<IPerspectiveClassifier>());
    }

    [Fact]
    public async Task BuilderReplacements_AreUsedByThePipeline_AndBadCitationsAreRemoved()
    {
        using var provider = TestPipeline.Services(build: b => b.UseClassifier<EverythingIsAlpha>().UseSummarizer<OneLineSummarizer>());
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(TestPaths.TestData, "golden", "topics.yaml"));
        var run = await provider.GetRequiredService<DigestPipeline>().RunAsync(config.Topics.Single(), config.AsOf);
        Assert.All(run.Digest.Sources, s => Assert.Equal("alpha", s.SideId));
        Assert.Equal("everything is alpha", run.Digest.Sources[0].Item.Perspective.Reason);
        var bullet = Assert.Single(run.Digest.Highlights);
        Assert.Equal([1], bullet.Citations);
        Assert.Contains(run.Diagnostics.Notes, n => n.Contains("point at no source", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics.Notes, n => n.Contains("dropped \"rests on nothing\"", StringComparison.Ordinal));
    }

    [Fact]
    public void PublisherOptions_ReachThePublisher_WithEveryRegisteredFormat()
    {
        using var provider = TestPipeline.Services(o =>
        {
            o.Publisher.Folders["markdown"] = "posts";
            o.Publisher.Folders["html"] = "site/pages/";
        });
        var publisher = provider.GetRequiredService<DigestPublisher>();
        var run = Formatting.DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
        Assert.Equal(["markdown", "json", "html"], publisher.Formats);
        Assert.Equal("posts/alpha-beta/2026-01-12.md", publisher.GetRelativePath(run.Digest, "markdown"));
        Assert.Equal("site/pages/alpha-beta/2026-01-12.html", publisher.GetRelativePath(run.Digest, "html"));
        Assert.Equal("digests/alpha-beta/2026-01-12.json", publisher.GetRelativePath(run.Digest, "json"));
    }

    [Fact]
    public void FormatterOptions_ReachTheFormatters()
    {
        using var provider = TestPipeline.Services(o => o.Hugo.IncludeCitations = false);
        var hugo = provider.GetServices<IDigestFormatter>().OfType<HugoMarkdownFormatter>().Single();
        var run = Formatting.DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
        Assert.Contains("- t\n", hugo.Render(run.Digest), StringComparison.Ordinal);
        Assert.DoesNotContain("- t [1]", hugo.Render(run.Digest), StringComparison.Ordinal);
    }
}
