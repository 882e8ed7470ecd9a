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

    /// <summary>Options of the extractive summarizer.</summary>
    public ExtractiveSummarizerOptions Summarizer { get; } = new();

    /// <summary>Options of the Hugo Markdown writer.</summary>
    public HugoMarkdownWriterOptions Hugo { get; } = new();

    /// <summary>Options of the JSON writer.</summary>
    public JsonDigestWriterOptions Json { get; } = new();

    /// <summary>Options of the HTML writer.</summary>
    public HtmlDigestWriterOptions Html { get; } = new();

    /// <summary>The rules of every part, each failure named by its path (<c>NewsPerspectivesOptions.Summarizer.MinHighlights</c>).</summary>
    internal void Check(OptionChecks check)
    {
        check.Nested(nameof(Pipeline), Pipeline.Check);
        check.Nested(nameof(Parser), Parser.Check);
        check.Nested(nameof(Relevance), Relevance.Check);
        check.Nested(nameof(NearDuplicates), NearDuplicates.Check);
        check.Nested(nameof(Stories), Stories.Check);
        check.Nested(nameof(Summarizer), Summarizer.Check);
        check.Nested(nameof(Hugo), Hugo.Check);
        check.Nested(nameof(Json), Json.Check);
        check.Nested(nameof(Html), Html.Check);
    }
}

/// <summary>Configures NewsPerspectives services: returned by <c>AddNewsPerspectives</c>.</summary>
public interface INewsPerspectivesBuilder
{
    /// <summary>The service collection.</summary>
    Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }
}
