using System.Diagnostics;
using System.Globalization;

namespace NewsPerspectives.Benchmarks;

/// <summary>
/// <c>summarizer-cost [sizes…] [--descriptions] [--repeat N]</c> (default 1250 2500 5000 10000): lists n articles of
/// one topic (every article a source: the topic's cap is n) built from the real seed headlines as in
/// <c>cluster-cost</c>, clusters them with the default <see cref="StoryClusterer"/> (not timed), then times the back
/// half: the assembly (source numbers, stories, framing), the extractive summarizer, and the summarizer as the
/// pipeline runs it (with the citation and support check). With <c>--descriptions</c> each article gets a description
/// of three other seed headlines of its day, as Google News' clustered descriptions have, so the summarizer ranks
/// about four times as many sentences. Prints the best of <c>--repeat</c> runs (default 3, after an untimed warm-up at
/// the first size) and the growth per doubling.
/// </summary>
internal static class SummarizerCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool descriptions = args.Contains("--descriptions");
        int repeatAt = Array.IndexOf(args, "--repeat");
        int repeat = repeatAt >= 0 && repeatAt + 1 < args.Length ? int.Parse(args[repeatAt + 1], CultureInfo.InvariantCulture) : 3;
        var sizes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--repeat"))
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        if (sizes.Length == 0)
        {
            sizes = [1_250, 2_500, 5_000, 10_000];
        }

        var seed = ClusterCost.LoadHeadlines();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seed.Count} seed headlines; {Environment.ProcessorCount} cores; descriptions: {(descriptions ? "3 headlines each" : "none")}; best of {repeat}"));
        Console.WriteLine("| articles | sentences | stories | assembly | extractive summarizer | summarizer as run (checked) | its CPU time | growth per doubling (wall / CPU) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        (double Wall, double Cpu)? previous = null;
        int previousSize = 0;
        // The first size once more, untimed, first: JIT and tiering are not the summarizer's cost.
        foreach (var (size, warmUp) in sizes.Take(1).Select(s => (s, true)).Concat(sizes.Select(s => (s, false))))
        {
            var topic = new TopicDefinition
            {
                Id = "a-b",
                Name = "China vs Japan",
                Sides = [new SideDefinition { Id = "a", Name = "China" }, new SideDefinition { Id = "b", Name = "Japan" }],
                Feeds = [new FeedDefinition { Kind = FeedKind.File, Location = "synthetic:a", Side = "a" }, new FeedDefinition { Kind = FeedKind.File, Location = "synthetic:b", Side = "b" }],
                Limits = new TopicLimits { MaxArticles = size },
            };
            var articles = ClusterCost.Synthesize(seed, size, topic);
            if (descriptions)
            {
                articles = WithDescriptions(articles);
            }

            var classified = articles
                .Select(a => new ClassifiedArticle { Article = a, Perspective = new PerspectiveAssignment { SideId = a.Feed.Side!, Confidence = 1, Reason = "synthetic" } })
                .ToArray();
            var (listed, _) = ArticleSelector.Select(classified, topic);
            var relevant = ArticleSelector.OrderNewestFirst(classified, topic);
            var stories = await new StoryClusterer().ClusterAsync(topic, relevant).ConfigureAwait(false);
            var extractive = new ExtractiveSummarizer();
            var checkedSummarizer = extractive.AsBuilder().UseFallbackAndChecks().Build();

            // Wall time and the process's CPU time (the work is single-threaded; CPU time is steadier on a shared machine).
            var best = (Assembly: double.MaxValue, Extractive: double.MaxValue, Checked: double.MaxValue, CheckedCpu: double.MaxValue);
            Digest digest = null!;
            using var process = Process.GetCurrentProcess();
            for (int r = 0; r < repeat; r++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                digest = new DigestAssembler().Assemble(topic, articles.Max(a => a.Published), listed, relevant, stories);
                double assembly = watch.Elapsed.TotalSeconds;
                var request = new SummaryRequest { Digest = digest };

                watch.Restart();
                extractive.Summarize(request);
                double plain = watch.Elapsed.TotalSeconds;

                process.Refresh();
                var cpu = process.TotalProcessorTime;
                watch.Restart();
                await checkedSummarizer.SummarizeAsync(request).ConfigureAwait(false);
                double all = watch.Elapsed.TotalSeconds;
                process.Refresh();
                double allCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
                best = (Math.Min(best.Assembly, assembly), Math.Min(best.Extractive, plain), Math.Min(best.Checked, all), Math.Min(best.CheckedCpu, allCpu));
            }

            if (warmUp)
            {
                continue;
            }

            int sentences = digest.Sources.Sum(s => 1 + (s.Article.Description.Length == 0 ? 0 : s.Article.Description.Count(c => c == '.')));
            string growth = previous is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{Growth(best.Checked, p.Wall, size, previousSize):F2}× / {Growth(best.CheckedCpu, p.Cpu, size, previousSize):F2}×")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {sentences} | {digest.Stories.Count} | {best.Assembly:F3} s | {best.Extractive:F3} s | {best.Checked:F3} s | {best.CheckedCpu:F3} s | {growth} |"));
            previous = (best.Checked, best.CheckedCpu);
            previousSize = size;
        }

        return 0;
    }

    /// <summary>The growth of a time per doubling of the size: (t / t₀)^(ln 2 / ln(n / n₀)).</summary>
    private static double Growth(double time, double before, int size, int sizeBefore) =>
        Math.Pow(time / before, Math.Log(2) / Math.Log((double)size / sizeBefore));

    /// <summary>Each article's description: three other seed headlines of its day, as sentences (deterministic).</summary>
    private static List<Article> WithDescriptions(List<Article> articles)
    {
        var byDay = articles.GroupBy(a => DateOnly.FromDateTime(a.Published.UtcDateTime)).ToDictionary(g => g.Key, g => g.ToArray());
        return articles.Select((a, i) =>
        {
            var day = byDay[DateOnly.FromDateTime(a.Published.UtcDateTime)];
            var others = Enumerable.Range(1, 3).Select(k => day[(i + (k * 7)) % day.Length].Title.TrimEnd('.', ' ') + ".");
            return a with { Description = string.Join(" ", others) };
        }).ToList();
    }
}
