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
/// Runs the stages for one topic: read every feed, normalise, filter, classify, select, cluster stories,
/// summarize, and assemble the digest with its diagnostics. A failing feed or article is recorded and the run goes on.
/// </summary>
public sealed class DigestPipeline
{
    private readonly IReadOnlyList<IFeedSource> _sources;
    private readonly IReadOnlyList<IArticleFilter> _filters;
    private readonly IPerspectiveClassifier _classifier;
    private readonly ISummarizer _summarizer;
    private readonly IStoryClusterer? _clusterer;
    private readonly TimeProvider _timeProvider;
    private readonly DigestPipelineOptions _options;
    private readonly ILogger _logger;
    private readonly ExtractiveSummarizer _fallbackSummarizer;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="sources">Feed sources; the first that can read a feed reads it.</param>
    /// <param name="filters">Article filters, run in order.</param>
    /// <param name="classifier">The side classifier.</param>
    /// <param name="summarizer">The summarizer.</param>
    /// <param name="timeProvider">The clock: the default "as of" time and elapsed times.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <param name="clusterer">The story clusterer, or <see langword="null"/> for none.</param>
    /// <param name="logger">Logger; none when <see langword="null"/>.</param>
    /// <param name="fallbackSummarizer">Used when <paramref name="summarizer"/> throws; an <see cref="ExtractiveSummarizer"/> with default options when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (for example <see cref="DigestPipelineOptions.MaxConcurrentFeeds"/> below 1).</exception>
    public DigestPipeline(
        IEnumerable<IFeedSource> sources,
        IEnumerable<IArticleFilter> filters,
        IPerspectiveClassifier classifier,
        ISummarizer summarizer,
        TimeProvider timeProvider,
        DigestPipelineOptions? options = null,
        IStoryClusterer? clusterer = null,
        ILogger<DigestPipeline>? logger = null,
        ExtractiveSummarizer? fallbackSummarizer = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(summarizer);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sources = sources.ToArray();
        _filters = filters.ToArray();
        _classifier = classifier;
        _summarizer = summarizer;
        _clusterer = clusterer;
        _timeProvider = timeProvider;
        _options = options ?? new DigestPipelineOptions();
        OptionChecks.Validate(nameof(DigestPipelineOptions), _options.Check);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fallbackSummarizer = fallbackSummarizer ?? new ExtractiveSummarizer();
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

        var (selected, overCap) = ArticleSelector.Select(classified, topic);
        foreach (var item in overCap)
        {
            context.Drop(item.Article, DropReason.OverCap, $"beyond the cap of {topic.Limits.MaxArticles} articles");
        }

        var sources = selected.Select((item, i) => new DigestSource { Number = i + 1, Item = item }).ToArray();
        IReadOnlyList<Story> stories = [];
        if (_clusterer is not null)
        {
            // Stories cover every classified article, not only the listed ones, so coverage per side is honest;
            // writers cite the source numbers of the listed articles only.
            stories = await _clusterer.ClusterAsync(topic, ArticleSelector.OrderNewestFirst(classified, topic), cancellationToken).ConfigureAwait(false);
        }

        var request = new SummaryRequest { Topic = topic, Sources = sources, Stories = stories, AsOf = when };
        var summary = await SummarizeAsync(request, notes, cancellationToken).ConfigureAwait(false);
        notes.AddRange(summary.Notes);

        var found = classified.GroupBy(c => c.SideId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var digest = new Digest
        {
            Topic = topic,
            GeneratedAt = when,
            Sources = sources,
            Highlights = ValidCitations(summary.Highlights, sources.Length, "highlights", notes),
            Sides = topic.Sides.Select(side => new SideDigest
            {
                Side = side,
                Count = sources.Count(s => s.SideId == side.Id),
                Found = found.GetValueOrDefault(side.Id),
                Bullets = ValidCitations(summary.SideBullets.GetValueOrDefault(side.Id) ?? [], sources.Length, side.Id, notes),
            }).ToArray(),
            Stories = stories,
        };

        _logger.TopicDigested(topic.Id, articles.Count, sources.Length, dropped.Count);
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

    private async Task<DigestSummary> SummarizeAsync(SummaryRequest request, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            return await _summarizer.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (_summarizer is ExtractiveSummarizer)
            {
                throw;
            }

            notes.Add($"summarizer {_summarizer.GetType().Name} failed ({ex.GetType().Name}: {ex.Message}); used the extractive summarizer");
            return await _fallbackSummarizer.SummarizeAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SummaryBullet[] ValidCitations(IReadOnlyList<SummaryBullet> bullets, int sourceCount, string section, List<string> notes)
    {
        var result = new List<SummaryBullet>(bullets.Count);
        foreach (var bullet in bullets)
        {
            var valid = bullet.Citations.Where(n => n >= 1 && n <= sourceCount).Distinct().Order().ToArray();
            if (valid.Length != bullet.Citations.Count)
            {
                notes.Add($"{section}: removed citations that point at no source from \"{bullet.Text}\"");
            }

            if (valid.Length == 0)
            {
                // Every bullet must rest on at least one listed source; one that rests on none is not shown.
                notes.Add($"{section}: dropped \"{bullet.Text}\": it cites no listed source");
                continue;
            }

            result.Add(valid.Length == bullet.Citations.Count && bullet.Citations.SequenceEqual(valid)
                ? bullet
                : new SummaryBullet { Text = bullet.Text, Citations = valid });
        }

        return result.ToArray();
    }
}
