using System.Diagnostics;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>
/// <c>relevance-cost [rounds]</c>: the per-article cost of outlet resolution and relevance scoring, over the 500
/// labelled lines (normalised as the pipeline does), after a warm-up round.
/// </summary>
internal static class RelevanceCost
{
    public static Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var registry = OutletRegistry.Default;
        var filter = new RelevanceFilter();
        var work = new List<(Article Article, TopicDefinition Topic)>();
        foreach (var post in LabeledDigests.Load())
        {
            foreach (var (feed, items) in post.Feeds())
            {
                var read = new FeedReadResult { Status = FeedStatus.Ok, Items = items };
                for (int i = 0; i < items.Count; i++)
                {
                    if (ArticleNormalizer.Normalize(items[i], feed, read, i).Article is { } article)
                    {
                        work.Add((article, post.Topic));
                    }
                }
            }
        }

        void Measure(Action<Article, TopicDefinition> step)
        {
            foreach (var (article, topic) in work)
            {
                step(article, topic);
            }

            long allocated = GC.GetTotalAllocatedBytes(true);
            var stopwatch = Stopwatch.StartNew();
            for (int r = 0; r < rounds; r++)
            {
                foreach (var (article, topic) in work)
                {
                    step(article, topic);
                }
            }

            Console.WriteLine($"    {stopwatch.Elapsed.TotalMicroseconds / (rounds * work.Count):F1} µs, {(GC.GetTotalAllocatedBytes(true) - allocated) / (double)(rounds * work.Count):F0} B allocated per article");
        }

        Console.WriteLine($"relevance-cost: {work.Count} articles x {rounds} rounds");
        Console.WriteLine("  outlet normalisation (registry lookup + copy):");
        Measure((a, _) => OutletNormalizationFilter.Canonicalize(a, registry));
        Console.WriteLine("  relevance score (title, all sides, keywords, outlet country):");
        work = work.Select(w => (OutletNormalizationFilter.Canonicalize(w.Article, registry), w.Topic)).ToList();
        Measure((a, t) => filter.Score(a, t));
        return Task.FromResult(0);
    }
}
