using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsPerspectives;

/// <summary>Options of the pipeline orchestrator.</summary>
public sealed class DigestPipelineOptions
{
    /// <summary>How many feeds of one topic are read at the same time. Default 4.</summary>
    public int MaxConcurrentFeeds { get; set; } = 4;

    /// <summary>
    /// The overall deadline for reading a topic's feeds: a feed still reading (or waiting its turn) when it passes gets
    /// <see cref="FeedErrorKind.Timeout"/> and the run goes on with the others. Default 5 minutes; <see langword="null"/> for none.
    /// </summary>
    public TimeSpan? FeedsDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Called with each feed's outcome as soon as its read finishes, for progress displays; called from the reading
    /// tasks, possibly concurrently. Default <see langword="null"/>.
    /// </summary>
    public Action<FeedOutcome>? FeedRead { get; set; }

    /// <summary>
    /// When a story was covered by more than one side, list each side's newest article of it first (within that side's
    /// places, broadest stories first), so highlights can set one side's telling beside the other's; the other places
    /// are filled newest first as before. Default <see langword="true"/>; <see langword="false"/> lists the newest
    /// articles of each side only, as the seed did.
    /// </summary>
    public bool ListSharedStories { get; set; } = true;

    /// <summary>The rules: at least one feed at a time; a deadline, when set, is positive.</summary>
    internal void Check(OptionChecks check)
    {
        check.AtLeast(MaxConcurrentFeeds, 1);
        if (FeedsDeadline is { } deadline)
        {
            check.Positive(deadline, nameof(FeedsDeadline));
        }
    }
}

/// <summary>
/// Runs the stages for one topic: read every feed, normalise, filter, classify, cluster stories (always: a
/// <see cref="NoStoryClusterer"/> is the off switch), select the listed articles, assemble the digest once (<see cref="DigestAssembler"/>),
/// summarize, and return the digest with its diagnostics. A failing feed or article is recorded and the run goes on.
/// </summary>
public sealed class DigestPipeline
{
    private readonly IReadOnlyList<IFeedSource> _sources;
    private readonly IReadOnlyList<IArticleFilter> _filters;
    private readonly IPerspectiveClassifier _classifier;
    private readonly IStoryClusterer _clusterer;
    private readonly ISummarizer _summarizer;
    private readonly TimeProvider _timeProvider;
    private readonly DigestPipelineOptions _options;
    private readonly DigestAssembler _assembler;
    private readonly ILogger _logger;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="sources">Feed sources; the first that can read a feed reads it.</param>
    /// <param name="filters">Article filters, run in order.</param>
    /// <param name="classifier">The side classifier.</param>
    /// <param name="clusterer">The story clusterer (a <see cref="NoStoryClusterer"/> to make every article its own story).</param>
    /// <param name="summarizer">
    /// The summarizer as it runs, wrappers included: <c>summarizer.AsBuilder().UseFallbackAndChecks().Build()</c> adds the
    /// citation and support check and the extractive fallback, as <c>AddNewsPerspectives</c> does.
    /// </param>
    /// <param name="timeProvider">The clock: the default "as of" time and elapsed times.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="assembler">Builds the digest after clustering; one with default options when <see langword="null"/>.</param>
    /// <param name="logger">Logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (for example <see cref="DigestPipelineOptions.MaxConcurrentFeeds"/> below 1).</exception>
    public DigestPipeline(
        IEnumerable<IFeedSource> sources,
        IEnumerable<IArticleFilter> filters,
        IPerspectiveClassifier classifier,
        IStoryClusterer clusterer,
        ISummarizer summarizer,
        TimeProvider timeProvider,
        DigestPipelineOptions? options = null,
        DigestAssembler? assembler = null,
        ILogger<DigestPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(clusterer);
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sources = sources.ToArray();
        _filters = filters.ToArray();
        _classifier = classifier;
        _clusterer = clusterer;
        _summarizer = summarizer;
        _timeProvider = timeProvider;
        _options = options ?? new DigestPipelineOptions();
        _assembler = assembler ?? new DigestAssembler();
        OptionChecks.Validate(nameof(DigestPipelineOptions), _options.Check);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the pipeline for a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="asOf">The run's "as of" time; the time provider's now when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The digest and the diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="topic"/> is null.</exception>
    /// <exception cref="NewsPerspectivesException">No registered feed source reads one of the topic's feeds (for example a <c>url</c> feed without <c>AddHttpFeeds()</c>); nothing was read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<DigestRun> RunAsync(TopicDefinition topic, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        EnsureEveryFeedHasASource(topic);
        var when = (asOf ?? _timeProvider.GetUtcNow()).ToUniversalTime();
        var dropped = new List<DroppedArticle>();
        var notes = new List<string>();

        var (outcomes, articles) = await ReadFeedsAsync(topic, dropped, cancellationToken).ConfigureAwait(false);

        var context = new ArticleFilterContext(topic, when, dropped);
        IReadOnlyList<Article> kept = articles;
        foreach (var filter in _filters)
        {
            kept = await filter.FilterAsync(kept, context, cancellationToken).ConfigureAwait(false);
        }

        var classified = new List<ClassifiedArticle>(kept.Count);
        foreach (var article in kept)
        {
            var assignment = await _classifier.ClassifyAsync(article, topic, cancellationToken).ConfigureAwait(false);
            if (assignment is null || topic.FindSide(assignment.SideId) is null)
            {
                context.Drop(article, DropReason.Unclassified, assignment is null
                    ? "no classifier could tell which side the article speaks for"
                    : $"classified as unknown side '{assignment.SideId}'");
                continue;
            }

            classified.Add(new ClassifiedArticle { Article = article, Perspective = assignment });
        }

        // Stories cover every classified article, not only the listed ones, so coverage per side is honest.
        var relevant = ArticleSelector.OrderNewestFirst(classified, topic);
        var stories = await _clusterer.ClusterAsync(topic, relevant, cancellationToken).ConfigureAwait(false);

        var (selected, overCap) = ArticleSelector.Select(classified, topic, _options.ListSharedStories ? stories : null);
        foreach (var item in overCap)
        {
            context.Drop(item.Article, DropReason.OverCap, $"beyond the cap of {topic.Limits.MaxArticles} articles");
        }
        var assembled = _assembler.Assemble(topic, when, selected, relevant, stories, notes);

        var summary = await _summarizer.SummarizeAsync(new SummaryRequest { Digest = assembled }, cancellationToken).ConfigureAwait(false);
        notes.AddRange(summary.Notes);
        var digest = assembled.WithSummary(summary);

        _logger.TopicDigested(topic.Id, articles.Count, digest.Sources.Count, dropped.Count);
        return new DigestRun
        {
            Digest = digest,
            Diagnostics = new DigestDiagnostics { Feeds = outcomes, Dropped = dropped, Notes = notes },
        };
    }

    private async Task<(IReadOnlyList<FeedOutcome> Outcomes, IReadOnlyList<Article> Articles)> ReadFeedsAsync(
        TopicDefinition topic, List<DroppedArticle> dropped, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(_options.MaxConcurrentFeeds);
        using var deadline = _options.FeedsDeadline is { } limit ? new CancellationTokenSource(limit, _timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var reads = topic.Feeds.Select(async feed =>
        {
            (FeedReadResult Read, TimeSpan Elapsed) result;
            try
            {
                await gate.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = (DeadlinePassed(feed), TimeSpan.Zero);
                _options.FeedRead?.Invoke(Outcome(feed, result.Read, result.Elapsed));
                return result;
            }

            try
            {
                result = await ReadOneAsync(feed, linked.Token, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            _options.FeedRead?.Invoke(Outcome(feed, result.Read, result.Elapsed));
            return result;
        }).ToArray();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);

        var outcomes = new List<FeedOutcome>(results.Length);
        var articles = new List<Article>();
        for (int i = 0; i < results.Length; i++)
        {
            var feed = topic.Feeds[i];
            var (read, elapsed) = results[i];
            outcomes.Add(Outcome(feed, read, elapsed));
            if (read.Error is not null)
            {
                _logger.FeedFailed(feed.DisplayName, read.Error);
            }

            for (int position = 0; position < read.Items.Count; position++)
            {
                var normalized = ArticleNormalizer.Normalize(read.Items[position], feed, read, position);
                if (normalized.Article is { } article)
                {
                    articles.Add(article);
                }
                else if (normalized.Dropped is { } drop)
                {
                    dropped.Add(drop);
                }
            }
        }

        return (outcomes, articles);
    }

    private static FeedOutcome Outcome(FeedDefinition feed, FeedReadResult read, TimeSpan elapsed) =>
        new() { Feed = feed, Status = read.Status, ItemCount = read.Items.Count, Error = read.Error, Elapsed = elapsed, MovedTo = read.MovedTo };

    private FeedReadResult DeadlinePassed(FeedDefinition feed) => FeedReadResult.Failed(new FeedError
    {
        Kind = FeedErrorKind.Timeout,
        Location = feed.DisplayName,
        Reason = $"the feeds deadline of {_options.FeedsDeadline} passed before the feed was read",
    });

    private async Task<(FeedReadResult Read, TimeSpan Elapsed)> ReadOneAsync(FeedDefinition feed, CancellationToken readToken, CancellationToken cancellationToken)
    {
        long start = _timeProvider.GetTimestamp();
        FeedReadResult read;
        var source = _sources.First(s => s.CanRead(feed)); // RunAsync checked that every feed has one.
        try
        {
            read = await source.ReadAsync(feed, readToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (readToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            read = DeadlinePassed(feed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            read = FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.Unreachable, Location = feed.DisplayName, Reason = $"{ex.GetType().Name}: {ex.Message}" });
        }

        return (read, _timeProvider.GetElapsedTime(start));
    }

    /// <summary>A feed no source reads is a setup error, not a feed failure: the run stops before reading anything and says what to register.</summary>
    private void EnsureEveryFeedHasASource(TopicDefinition topic)
    {
        var unread = topic.Feeds.Where(f => !_sources.Any(s => s.CanRead(f))).ToArray();
        if (unread.Length == 0)
        {
            return;
        }

        var kinds = unread.Select(f => f.Kind).Distinct().ToArray();
        var remedy = kinds.All(k => k is FeedKind.Url or FeedKind.GoogleNews)
            ? "register the HTTP feed source: services.AddNewsPerspectives().AddHttpFeeds() (AddHttpFeeds() is in the NewsPerspectives package)"
            : "register an IFeedSource that reads them (builder.AddFeedSource<T>())";
        throw new NewsPerspectivesException(
            $"topic '{topic.Id}': no feed source reads its {string.Join(" and ", kinds)} feeds ({Examples(unread)}); {remedy}");
    }

    private static string Examples(FeedDefinition[] feeds)
    {
        const int Shown = 3;
        var names = string.Join(", ", feeds.Take(Shown).Select(f => f.DisplayName));
        return feeds.Length > Shown ? $"{names} and {feeds.Length - Shown} more" : names;
    }
}
