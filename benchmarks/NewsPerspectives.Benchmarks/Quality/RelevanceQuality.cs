using System.Globalization;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>
/// <c>quality-relevance [--verbose] [--registry FILE]</c>: runs the pipeline over each labelled post's rebuilt inputs (no cap) and
/// compares with the human labels: keep rate of relevance-2 items, drop rate of relevance-0 items, keep rate of
/// relevance-1 items; canonical outlet accuracy (exact, case-sensitive) and outlet country accuracy.
/// </summary>
internal static class RelevanceQuality
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool verbose = args.Contains("--verbose");
        int at = Array.IndexOf(args, "--registry");
        var posts = LabeledDigests.Load();
        // --registry FILE: measure another registry (e.g. one built without the labels) instead of the shipped default.
        var registry = at >= 0 ? new OutletRegistry(OutletRegistryLoader.LoadFile(args[at + 1])) : OutletRegistry.Default;
        var kept = new Dictionary<(string Topic, int Relevance), (int Kept, int Total)>();
        int outletRight = 0, countryRight = 0, lines = 0, lostOtherwise = 0;
        var misses = new List<string>();

        foreach (var post in posts)
        {
            var feeds = post.Feeds();
            var pipeline = new DigestPipeline(
                [new InMemoryFeedSource(feeds)],
                [new OutletNormalizationFilter(registry), new AgeWindowFilter(), new ExactDuplicateFilter(), new RelevanceFilter()],
                new CompositeClassifier(new OutletRegistryClassifier(registry), new FeedSideClassifier()),
                new NoStoryClusterer(),
                new ExtractiveSummarizer(),
                TimeProvider.System);
            var run = await pipeline.RunAsync(post.Topic, post.AsOf);
            var listed = run.Digest.Sources.Select(s => s.Article.Link).ToHashSet(StringComparer.Ordinal);
            var offTopic = run.Diagnostics.Dropped.Where(d => d.Reason == DropReason.OffTopic).ToDictionary(d => d.Link!, d => d.Detail, StringComparer.Ordinal);

            // Outlets: each labelled line through the real normaliser and the registry.
            var byLink = new Dictionary<string, Article>(StringComparer.Ordinal);
            foreach (var (feed, items) in feeds)
            {
                var read = new FeedReadResult { Status = FeedStatus.Ok, Items = items };
                for (int i = 0; i < items.Count; i++)
                {
                    if (ArticleNormalizer.Normalize(items[i], feed, read, i).Article is { } article)
                    {
                        byLink.TryAdd(article.Link, OutletNormalizationFilter.Canonicalize(article, registry));
                    }
                }
            }

            foreach (var line in post.Lines)
            {
                lines++;
                var link = ArticleNormalizer.ResolveLink(line.Link, null)!;
                var article = byLink[link];
                if (article.Outlet == line.CanonicalOutlet)
                {
                    outletRight++;
                }
                else
                {
                    misses.Add($"  outlet  {line.Key}: '{line.OutletAsWritten}' -> '{article.Outlet}', label '{line.CanonicalOutlet}'");
                }

                if (article.OutletCountry == line.Country)
                {
                    countryRight++;
                }
                else
                {
                    misses.Add($"  country {line.Key}: '{article.Outlet}' -> {article.OutletCountry ?? "(unknown)"}, label {line.Country}");
                }

                bool isKept = listed.Contains(link);
                if (!isKept && !offTopic.ContainsKey(link))
                {
                    lostOtherwise++;
                    continue;
                }

                var key = (post.Topic.Id, line.Relevance);
                var (k, n) = kept.GetValueOrDefault(key);
                kept[key] = (k + (isKept ? 1 : 0), n + 1);
                if ((line.Relevance == 2 && !isKept) || (line.Relevance == 0 && isKept))
                {
                    misses.Add($"  rel {line.Relevance} {(isKept ? "KEPT" : "DROPPED")} {line.Key} [{article.Outlet}] {line.Title}" + (isKept ? "" : $"\n      {offTopic[link]}"));
                }
            }
        }

        static string Rate(int a, int b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * a / b:F1}% ({a}/{b})");
        (int, int) Sum(Func<(string Topic, int Relevance), bool> which) =>
            kept.Where(p => which(p.Key)).Aggregate((0, 0), (acc, p) => (acc.Item1 + p.Value.Kept, acc.Item2 + p.Value.Total));

        Console.WriteLine($"quality-relevance: {posts.Count} labelled posts, {lines} lines ({lostOtherwise} dropped for another reason, e.g. a duplicate link, and not scored)");
        Console.WriteLine("| topic | label 2 kept | label 1 kept | label 0 dropped |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var topic in posts.Select(p => p.Topic.Id).Distinct().Append("all"))
        {
            bool Of((string Topic, int Relevance) k) => topic == "all" || k.Topic == topic;
            var (k2, n2) = Sum(k => Of(k) && k.Relevance == 2);
            var (k1, n1) = Sum(k => Of(k) && k.Relevance == 1);
            var (k0, n0) = Sum(k => Of(k) && k.Relevance == 0);
            Console.WriteLine($"| {topic} | {Rate(k2, n2)} | {Rate(k1, n1)} | {Rate(n0 - k0, n0)} |");
        }

        Console.WriteLine($"outlet accuracy (canonical name, exact): {Rate(outletRight, lines)}");
        Console.WriteLine($"outlet country accuracy: {Rate(countryRight, lines)}");
        if (verbose)
        {
            misses.ForEach(Console.WriteLine);
        }

        return 0;
    }
}
