using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives.Tests.DependencyInjection;

/// <summary>
/// Every options class is validated when a host starts (ValidateOnStart), with a message naming the option; nothing is
/// clamped. Without a host the same failure comes when the options are first used.
/// </summary>
public sealed class OptionsValidationTests
{
    /// <summary>One out-of-range value per options class and the message it must give.</summary>
    public static TheoryData<string, string> BadOptions => new()
    {
        { "Pipeline.MaxConcurrentFeeds=0", "NewsPerspectivesOptions.Pipeline.MaxConcurrentFeeds is 0; it must be 1 or more" },
        { "Pipeline.MaxConcurrentFeeds=-5", "NewsPerspectivesOptions.Pipeline.MaxConcurrentFeeds is -5; it must be 1 or more" },
        { "Pipeline.FeedsDeadline=0", "NewsPerspectivesOptions.Pipeline.FeedsDeadline is 00:00:00; it must be positive" },
        { "Parser.MaxDepth=0", "NewsPerspectivesOptions.Parser.MaxDepth is 0; it must be 1 or more" },
        { "Relevance.MinScore=-1", "NewsPerspectivesOptions.Relevance.MinScore is -1; it must be between 0 and 1" },
        { "NearDuplicates.JaccardThreshold=1.5", "NewsPerspectivesOptions.NearDuplicates.JaccardThreshold is 1.5; it must be above 0 and at most 1" },
        { "Stories.SemanticThreshold=0", "NewsPerspectivesOptions.Stories.SemanticThreshold is 0; it must be above 0 and at most 1" },
        { "Summarizer.MinHighlights=9", "NewsPerspectivesOptions.Summarizer.MinHighlights is 9; it must be at most MaxHighlights (5)" },
        { "Hugo.MinStoryArticles=0", "NewsPerspectivesOptions.Hugo.MinStoryArticles is 0; it must be 1 or more" },
        { "Json.OutputPath=/", "NewsPerspectivesOptions.Json.OutputPath is '/'; it must name a folder under the output root" },
        { "Html.MaxStories=-1", "NewsPerspectivesOptions.Html.MaxStories is -1; it must be 0 or more" },
        { "Http.MaxRetries=-1", "HttpFeedOptions.MaxRetries is -1; it must be 0 or more" },
        { "Http.Parser.MaxCharacters=0", "HttpFeedOptions.Parser.MaxCharacters is 0; it must be 1 or more" },
    };

    private static void Configure(string setting, INewsPerspectivesBuilder builder)
    {
        switch (setting)
        {
            case "Pipeline.MaxConcurrentFeeds=0": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Pipeline.MaxConcurrentFeeds = 0); break;
            case "Pipeline.MaxConcurrentFeeds=-5": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Pipeline.MaxConcurrentFeeds = -5); break;
            case "Pipeline.FeedsDeadline=0": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Pipeline.FeedsDeadline = TimeSpan.Zero); break;
            case "Parser.MaxDepth=0": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Parser.MaxDepth = 0); break;
            case "Relevance.MinScore=-1": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Relevance.MinScore = -1); break;
            case "NearDuplicates.JaccardThreshold=1.5": builder.Services.Configure<NewsPerspectivesOptions>(o => o.NearDuplicates.JaccardThreshold = 1.5); break;
            case "Stories.SemanticThreshold=0": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Stories.SemanticThreshold = 0); break;
            case "Summarizer.MinHighlights=9": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Summarizer.MinHighlights = 9); break;
            case "Hugo.MinStoryArticles=0": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Hugo.MinStoryArticles = 0); break;
            case "Json.OutputPath=/": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Json.OutputPath = "/"); break;
            case "Html.MaxStories=-1": builder.Services.Configure<NewsPerspectivesOptions>(o => o.Html.MaxStories = -1); break;
            case "Http.MaxRetries=-1": builder.AddHttpFeeds(o => o.MaxRetries = -1); break;
            case "Http.Parser.MaxCharacters=0": builder.AddHttpFeeds(o => o.Parser.MaxCharacters = 0); break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, "no such case");
        }
    }

    private static IHost BuildHost(Action<INewsPerspectivesBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        configure(builder.Services.AddNewsPerspectives());
        return builder.Build();
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task AnOutOfRangeOption_FailsTheHostAtStart_NamingTheOption(string setting, string message)
    {
        using var host = BuildHost(b => Configure(setting, b));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Failures);
    }

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void WithoutAHost_TheSameFailureComesWhenThePipelineIsResolved(string setting, string message)
    {
        var services = new ServiceCollection();
        Configure(setting, services.AddNewsPerspectives());
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<DigestPipeline>();
            _ = provider.GetServices<IFeedSource>().ToArray();
        });
        Assert.Contains(message, error.Failures);
    }

    [Fact]
    public async Task TheDefaults_AreValid_AndTheHostStarts()
    {
        using var host = BuildHost(b => b.AddHttpFeeds());
        await host.StartAsync();
        Assert.NotNull(host.Services.GetRequiredService<DigestPipeline>());
        await host.StopAsync();
    }

    [Fact]
    public void EveryFailure_IsReported_NotOnlyTheFirst()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives(o =>
        {
            o.Pipeline.MaxConcurrentFeeds = 0;
            o.Summarizer.MmrLambda = 2;
            o.Stories.MaxTimeApart = TimeSpan.FromHours(-1);
        });
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value);
        Assert.Equal(
        [
            "NewsPerspectivesOptions.Pipeline.MaxConcurrentFeeds is 0; it must be 1 or more",
            "NewsPerspectivesOptions.Stories.MaxTimeApart is -01:00:00; it must be positive",
            "NewsPerspectivesOptions.Summarizer.MmrLambda is 2; it must be between 0 and 1",
        ], error.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void APipelineBuiltByHand_RejectsTooFewConcurrentFeeds_InsteadOfClampingThem(int maxConcurrentFeeds)
    {
        var error = Assert.Throws<ArgumentException>(() => new DigestPipeline(
            [], [], new FeedSideClassifier(), new ExtractiveSummarizer(), TimeProvider.System, new DigestPipelineOptions { MaxConcurrentFeeds = maxConcurrentFeeds }));
        Assert.Equal("DigestPipelineOptions.MaxConcurrentFeeds", error.ParamName);
    }

    [Fact]
    public void AStageBuiltByHand_RejectsItsOptionsToo_NamingThem()
    {
        Assert.Equal("HugoMarkdownWriterOptions.MinStoryArticles", Assert.Throws<ArgumentException>(() => new HugoMarkdownWriter(new HugoMarkdownWriterOptions { MinStoryArticles = 0 })).ParamName);
        Assert.Equal("HtmlDigestWriterOptions.MinStoryArticles", Assert.Throws<ArgumentException>(() => new HtmlDigestWriter(new HtmlDigestWriterOptions { MinStoryArticles = 0 })).ParamName);
        Assert.Equal("JsonDigestWriterOptions.OutputPath", Assert.Throws<ArgumentException>(() => new JsonDigestWriter(new JsonDigestWriterOptions { OutputPath = " " })).ParamName);
        Assert.Equal("StoryClustererOptions.CandidateWindow", Assert.Throws<ArgumentException>(() => new StoryClusterer(new StoryClustererOptions { CandidateWindow = 0 })).ParamName);
        Assert.Equal("NearDuplicateFilterOptions.ExhaustiveBelow", Assert.Throws<ArgumentException>(() => new NearDuplicateFilter(new NearDuplicateFilterOptions { ExhaustiveBelow = -1 })).ParamName);
        Assert.Equal("RelevanceOptions.MinScore", Assert.Throws<ArgumentException>(() => new RelevanceFilter(new RelevanceOptions { MinScore = double.NaN })).ParamName);
        Assert.Equal("FeedParserOptions.MaxDepth", Assert.Throws<ArgumentException>(() => new FileFeedSource(new FeedParserOptions { MaxDepth = 0 })).ParamName);
    }
}
