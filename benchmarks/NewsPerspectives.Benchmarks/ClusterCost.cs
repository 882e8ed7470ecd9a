using System.Diagnostics;
using System.Globalization;

namespace NewsPerspectives.Benchmarks;

/// <summary>
/// <c>cluster-cost [sizes…]</c> (default 1000 10000 100000): builds a deterministic batch of synthetic-but-realistic
/// articles from the ~14,000 real seed headlines (Data/headlines) — re-published copies under other outlets, edited
/// variants (a word dropped, a suffix, a changed number), dates spread over the seed's five months — and times the
/// near-duplicate filter and the story clusterer, each on all n articles. Prints time, allocated bytes and the process's peak working set.
/// Run one size per process for a clean peak: <c>cluster-cost 100000</c>.
/// </summary>
internal static class ClusterCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
        var seed = LoadHeadlines();
        var topic = new TopicDefinition
        {
            Id = "a-b",
            Name = "A vs B",
            Sides = [new SideDefinition { Id = "a", Name = "China" }, new SideDefinition { Id = "b", Name = "Japan" }],
            Feeds = [new FeedDefinition { Kind = FeedKind.File, Location = "synthetic:a", Side = "a" }, new FeedDefinition { Kind = FeedKind.File, Location = "synthetic:b", Side = "b" }],
        };

        Console.WriteLine($"{seed.Count} seed headlines; {Environment.ProcessorCount} cores");
        Console.WriteLine("articles | near-dup filter | kept | story clusterer | stories | multi-article | allocated (clusterer) | peak working set");
        foreach (var size in sizes)
        {
            var articles = Synthesize(seed, size, topic);
            var context = new ArticleFilterContext(topic, articles.Max(a => a.Published), []);

            GC.Collect();
            var watch = Stopwatch.StartNew();
            var kept = await new NearDuplicateFilter().FilterAsync(articles, context).ConfigureAwait(false);
            var filterTime = watch.Elapsed;

            // The clusterer gets all n articles (not only those the filter kept), so each row measures clustering at n.
            var classified = articles.Select(a => new ClassifiedArticle { Article = a, Perspective = new PerspectiveAssignment { SideId = a.Feed.Side!, Confidence = 1, Reason = "synthetic" } }).ToArray();
            GC.Collect();
            long allocated = GC.GetTotalAllocatedBytes(true);
            watch.Restart();
            var stories = await new StoryClusterer().ClusterAsync(topic, classified).ConfigureAwait(false);
            var clusterTime = watch.Elapsed;
            allocated = GC.GetTotalAllocatedBytes(true) - allocated;

            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,8} | {filterTime.TotalSeconds,8:F2} s | {kept.Count,7} | {clusterTime.TotalSeconds,8:F2} s | {stories.Count,7} | {stories.Count(s => s.Articles.Count > 1),7} (largest {stories.Max(s => s.Articles.Count)}) | {allocated / 1048576.0,8:F0} MB | {process.PeakWorkingSet64 / 1048576.0,6:F0} MB"));
        }

        return 0;
    }

    internal static List<(string Outlet, DateOnly Date, string Title)> LoadHeadlines()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "headlines", "seed-headlines.tsv");
        return File.ReadLines(path)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length == 4)
            .Select(p => (p[1], DateOnly.ParseExact(p[2], "yyyy-MM-dd", CultureInfo.InvariantCulture), p[3]))
            .ToList();
    }

    private static readonly string[] Suffixes = [" - live updates", " | report", ": what we know", " (update)", " - analysis"];

    /// <summary>Deterministic: the same size gives the same articles.</summary>
    internal static List<Article> Synthesize(List<(string Outlet, DateOnly Date, string Title)> seed, int size, TopicDefinition topic)
    {
        var random = new Random(20260315);
        var outlets = seed.Select(s => s.Outlet).Distinct(StringComparer.Ordinal).ToArray();
        var result = new List<Article>(size);
        for (int i = 0; i < size; i++)
        {
            var (outlet, date, title) = seed[random.Next(seed.Count)];
            int kind = random.Next(4);
            if (kind == 1)
            {
                outlet = outlets[random.Next(outlets.Length)]; // re-published by another outlet
            }
            else if (kind == 2)
            {
                var words = title.Split(' ');
                if (words.Length > 4)
                {
                    int drop = random.Next(words.Length);
                    title = string.Join(' ', words.Where((_, w) => w != drop));
                }

                title += Suffixes[random.Next(Suffixes.Length)];
            }
            else if (kind == 3)
            {
                title = System.Text.RegularExpressions.Regex.Replace(title, @"\d+", _ => random.Next(2, 500).ToString(CultureInfo.InvariantCulture));
                outlet = outlets[random.Next(outlets.Length)];
            }

            var published = new DateTimeOffset(date.ToDateTime(new TimeOnly(0, 0)), TimeSpan.Zero).AddMinutes(random.Next(-2 * 1440, 1440));
            var link = string.Create(CultureInfo.InvariantCulture, $"https://synthetic.example/{i}");
            result.Add(new Article
            {
                Id = ArticleNormalizer.StableId(link),
                Title = title,
                Link = link,
                Outlet = outlet,
                Published = published,
                Feed = topic.Feeds[random.Next(topic.Feeds.Count)],
                FeedPosition = i,
            });
        }

        return result;
    }
}
