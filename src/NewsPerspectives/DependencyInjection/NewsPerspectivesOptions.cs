namespace NewsPerspectives;

/// <summary>
/// Options of the default stages, set through <c>AddNewsPerspectives(o =&gt; ...)</c> or bound from the <c>options</c>
/// key of a configuration section (<c>AddNewsPerspectives(configuration.GetSection("NewsPerspectives"))</c>, or
/// <c>services.AddOptions&lt;NewsPerspectivesOptions&gt;().BindConfiguration("NewsPerspectives:options")</c>).
/// Validated when first used and, in a host, at start: a value out of range is an error naming the option, never clamped.
/// </summary>
public sealed class NewsPerspectivesOptions
{
    /// <summary>Pipeline options (feed concurrency).</summary>
    public DigestPipelineOptions Pipeline { get; } = new();

    /// <summary>Feed parser limits.</summary>
    public FeedParserOptions Parser { get; } = new();

    /// <summary>Options of the relevance filter (a topic's <c>relevance</c> settings override them).</summary>
    public RelevanceOptions Relevance { get; } = new();

    /// <summary>Options of the near-duplicate filter (on by default: the same story from several outlets is one source entry).</summary>
    public NearDuplicateFilterOptions NearDuplicates { get; } = new();

    /// <summary>Options of the story clusterer (on by default: stories feed the summarizer and the JSON digest).</summary>
    public StoryClustererOptions Stories { get; } = new();

    /// <summary>Options of the digest assembly: presentation rules every format shares (which stories are notable).</summary>
    public DigestAssemblyOptions Assembly { get; } = new();

    /// <summary>Options of the framing analysis (each side's distinctive words and phrases).</summary>
    public FramingOptions Framing { get; } = new();

    /// <summary>Options of the extractive summarizer (the default summarizer and every summarizer's fallback).</summary>
    public ExtractiveSummarizerOptions Summarizer { get; } = new();

    /// <summary>Options of the support check every summarizer's bullets go through.</summary>
    public SupportCheckOptions SupportCheck { get; } = new();

    /// <summary>Options of the Hugo Markdown formatter.</summary>
    public HugoMarkdownFormatterOptions Hugo { get; } = new();

    /// <summary>Options of the JSON formatter.</summary>
    public JsonDigestFormatterOptions Json { get; } = new();

    /// <summary>Options of the HTML formatter.</summary>
    public HtmlDigestFormatterOptions Html { get; } = new();

    /// <summary>Options of the publisher: the folder of each format under the output root.</summary>
    public DigestPublisherOptions Publisher { get; } = new();

    /// <summary>The rules of every part, each failure named by its path (<c>NewsPerspectivesOptions.Summarizer.MinHighlights</c>).</summary>
    internal void Check(OptionChecks check)
    {
        check.Nested(nameof(Pipeline), Pipeline.Check);
        check.Nested(nameof(Parser), Parser.Check);
        check.Nested(nameof(Relevance), Relevance.Check);
        check.Nested(nameof(NearDuplicates), NearDuplicates.Check);
        check.Nested(nameof(Stories), Stories.Check);
        check.Nested(nameof(Assembly), Assembly.Check);
        check.Nested(nameof(Framing), Framing.Check);
        check.Nested(nameof(Summarizer), Summarizer.Check);
        check.Nested(nameof(SupportCheck), SupportCheck.Check);
        check.Nested(nameof(Html), Html.Check);
        check.Nested(nameof(Publisher), Publisher.Check);
    }
}

/// <summary>Configures NewsPerspectives services: returned by <c>AddNewsPerspectives</c>.</summary>
public interface INewsPerspectivesBuilder
{
    /// <summary>The service collection.</summary>
    Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }
}
