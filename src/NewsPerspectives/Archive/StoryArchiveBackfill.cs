using System.Globalization;

namespace NewsPerspectives;

/// <summary>
/// Builds a story archive from the past, day by day, so continuations show from the first new run: from a folder of
/// past digests (JSON digests and Hugo posts), or by running the pipeline over past feeds for each day of a range.
/// </summary>
public sealed class StoryArchiveBackfill
{
    private readonly IStoryArchive _archive;
    private readonly IStoryClusterer _clusterer;

    /// <summary>Creates the back-fill.</summary>
    /// <param name="archive">The archive to fill.</param>
    /// <param name="clusterer">Groups the sources of past digests that carry no stories (Hugo posts); a default <see cref="StoryClusterer"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="archive"/> is null.</exception>
    public StoryArchiveBackfill(IStoryArchive archive, IStoryClusterer? clusterer = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _archive = archive;
        _clusterer = clusterer ?? new StoryClusterer();
    }

    /// <summary>
    /// Records every past digest under <paramref name="folder"/> (any depth): JSON digests (<c>*.json</c> with
    /// <c>"schema": "newsperspectives.digest/N"</c>; their stories as written, or clustered from their sources when
    /// they have none) and Hugo posts in the seed's format (<c>*.md</c>; their <c>## Sources</c> clustered into
    /// stories), oldest day first. A topic and day found twice is recorded once, from its JSON digest when there is one.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the back-fill after the day being recorded.</param>
    /// <returns>What was recorded, skipped and refused.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public async Task<StoryArchiveBackfillResult> FromDigestsAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No folder of past digests at {folder}.");
        }

        var skipped = new List<string>();
        var digests = new List<PastDigest>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            var digest = PastDigestReader.Read(path, out var problem);
            if (digest is null)
            {
                skipped.Add($"{path}: {problem}");
            }
            else
            {
                digests.Add(digest);
            }
        }

        var runs = new List<(DateOnly Date, string Topic, Func<Task<StoryArchiveRun>> Make, string Path)>();
        foreach (var group in digests.GroupBy(d => (d.Topic.Id, d.Date)))
        {
            var chosen = group.OrderByDescending(d => d.Stories is not null).ThenBy(d => d.Path, StringComparer.Ordinal).First();
            skipped.AddRange(group.Where(d => d != chosen).Select(d => $"{d.Path}: {d.Topic.Id} {Day(d.Date)} is recorded from {chosen.Path}"));
            runs.Add((chosen.Date, chosen.Topic.Id, () => RunOfAsync(chosen, cancellationToken), chosen.Path));
        }

        return await RecordAllAsync(runs.OrderBy(r => r.Date).ThenBy(r => r.Topic, StringComparer.Ordinal).Select(r => (r.Make, r.Path)), skipped, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="pipeline"/> for each topic on each day from <paramref name="from"/> to <paramref name="to"/>
    /// (as of <paramref name="runAt"/> UTC that day: what a daily run would have seen of the past feeds, newer articles
    /// being dropped as in the future) and records each digest's stories.
    /// </summary>
    /// <param name="pipeline">The pipeline (e.g. over the local files of a feed snapshot or corpus).</param>
    /// <param name="topics">The topics.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day (inclusive).</param>
    /// <param name="runAt">The time of day of each run.</param>
    /// <param name="cancellationToken">Cancels the back-fill after the day being recorded.</param>
    /// <returns>What was recorded and refused.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Task<StoryArchiveBackfillResult> FromFeedsAsync(DigestPipeline pipeline, IReadOnlyList<TopicDefinition> topics, DateOnly from, DateOnly to, TimeOnly runAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(topics);
        if (to < from)
        {
            throw new ArgumentException($"The last day {Day(to)} is before the first {Day(from)}.", nameof(to));
        }

        var runs = new List<(Func<Task<StoryArchiveRun>>, string)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var asOf = new DateTimeOffset(day.ToDateTime(runAt), TimeSpan.Zero);
            foreach (var topic in topics)
            {
                runs.Add((async () => StoryArchiveRun.FromDigest((await pipeline.RunAsync(topic, asOf, cancellationToken).ConfigureAwait(false)).Digest), $"{topic.Id} {Day(day)}"));
            }
        }

        return RecordAllAsync(runs, [], cancellationToken);
    }

    private async Task<StoryArchiveRun> RunOfAsync(PastDigest digest, CancellationToken cancellationToken)
    {
        var stories = digest.Stories;
        if (stories is null)
        {
            var clustered = await _clusterer.ClusterAsync(digest.Topic, digest.Articles, cancellationToken).ConfigureAwait(false);
            stories = clustered.Select(s => StorySnapshot.FromStory(s)).ToArray();
        }

        return new StoryArchiveRun { TopicId = digest.Topic.Id, Date = digest.Date, SideIds = digest.Topic.Sides.Select(s => s.Id).ToArray(), Stories = stories };
    }

    private async Task<StoryArchiveBackfillResult> RecordAllAsync(IEnumerable<(Func<Task<StoryArchiveRun>> Make, string Source)> runs, List<string> skipped, CancellationToken cancellationToken)
    {
        int days = 0;
        int stories = 0;
        int continuations = 0;
        var refused = new List<string>();
        foreach (var (make, source) in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = await make().ConfigureAwait(false);
            try
            {
                var recorded = await _archive.RecordAsync(run, cancellationToken).ConfigureAwait(false);
                days++;
                stories += recorded.Count;
                continuations += recorded.Count(r => r.IsContinuation);
            }
            catch (Exception ex) when (ex is NewsPerspectivesException or ArgumentException)
            {
                // One day the archive refuses (a later day already recorded, an invalid story) does not stop the others.
                refused.Add($"{source}: {ex.Message}");
            }
        }

        return new StoryArchiveBackfillResult { Days = days, Stories = stories, Continuations = continuations, Skipped = skipped, Refused = refused };
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
