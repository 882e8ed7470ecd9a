using System.Globalization;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>
/// <c>quality-stories</c>: runs the pipeline (age window, exact and near duplicates, feed sides, story clusterer) over each
/// labelled post's rebuilt inputs and scores the stories against the human same-event groups, pairwise: every pair of
/// lines of one post is "same story" or not (lines in no group are singletons; a collapsed near-duplicate is in its kept
/// article's story). Prints precision, recall and F1 for the lexical clusterer and for lexical + MiniLM embeddings.
/// Options: <c>--lexical-only</c>, <c>--same-side X</c>, <c>--cross-side X</c>, <c>--cohesion X</c>, <c>--semantic-threshold X</c>, <c>--verbose</c>.
/// </summary>
internal static class StoryQuality
{
    public static async Task<int> RunAsync(string[] args)
    {
        var posts = LabeledDigests.Load();
        bool verbose = args.Contains("--verbose");
        var options = new StoryClustererOptions();
        if (Value(args, "--same-side") is double t)
        {
            options.SameSideThreshold = t;
        }

        if (Value(args, "--cross-side") is double x)
        {
            options.CrossSideThreshold = x;
        }

        if (Value(args, "--cohesion") is double c)
        {
            options.MinCohesion = c;
        }

        if (Value(args, "--semantic-threshold") is double s)
        {
            options.SemanticThreshold = s;
        }

        var lexical = await ScoreAsync(posts, new StoryClusterer(options), verbose).ConfigureAwait(false);
        Print("lexical", lexical, options);
        if (args.Contains("--lexical-only"))
        {
            return 0;
        }

        using var embeddings = new MiniLmTextSimilarity();
        var semantic = await ScoreAsync(posts, new StoryClusterer(options, embeddings), verbose).ConfigureAwait(false);
        Print("lexical + MiniLM embeddings", semantic, options);
        return 0;
    }

    private static double? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : null;
    }

    private static void Print(string name, PairCounts c, StoryClustererOptions options) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} precision {c.Precision:F3}  recall {c.Recall:F3}  F1 {c.F1:F3}  (pairs: {c.TruePositive} right, {c.FalsePositive} wrong, {c.FalseNegative} missed; same-side threshold {options.SameSideThreshold}, cross-side {options.CrossSideThreshold}, semantic {options.SemanticThreshold})"));

    internal static async Task<PairCounts> ScoreAsync(IReadOnlyList<LabeledPost> posts, IStoryClusterer clusterer, bool verbose)
    {
        var total = new PairCounts();
        foreach (var post in posts)
        {
            var pipeline = new DigestPipeline(
                [new InMemoryFeedSource(post.Feeds())],
                [new AgeWindowFilter(), new ExactDuplicateFilter(), new NearDuplicateFilter()],
                new FeedSideClassifier(),
                new ExtractiveSummarizer(),
                TimeProvider.System,
                clusterer: clusterer);
            var run = await pipeline.RunAsync(post.Topic, post.AsOf).ConfigureAwait(false);

            // Predicted story of each link (a collapsed copy belongs to its kept article's story).
            var storyOfLink = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int s = 0; s < run.Digest.Stories.Count; s++)
            {
                foreach (var item in run.Digest.Stories[s].Articles)
                {
                    storyOfLink.TryAdd(item.Article.Link, s);
                    foreach (var copy in item.Article.AlsoPublishedBy)
                    {
                        storyOfLink.TryAdd(copy.Link, s);
                    }
                }
            }

            var goldOfLine = new Dictionary<int, int>();
            for (int g = 0; g < post.Stories.Count; g++)
            {
                foreach (var n in post.Stories[g])
                {
                    goldOfLine[n] = g;
                }
            }

            var lines = post.Lines;
            var counts = new PairCounts();
            for (int i = 0; i < lines.Count; i++)
            {
                for (int j = i + 1; j < lines.Count; j++)
                {
                    bool gold = goldOfLine.TryGetValue(lines[i].Number, out var gi) && goldOfLine.TryGetValue(lines[j].Number, out var gj) && gi == gj;
                    bool predicted = storyOfLink.TryGetValue(Normalize(lines[i].Link), out var pi) && storyOfLink.TryGetValue(Normalize(lines[j].Link), out var pj) && pi == pj;
                    counts.Add(gold, predicted);
                    if (verbose && gold != predicted)
                    {
                        Console.WriteLine($"  {post.Key} {(predicted ? "WRONG" : "MISSED")} #{lines[i].Number} '{lines[i].Title}'  ~  #{lines[j].Number} '{lines[j].Title}'");
                    }
                }
            }

            if (verbose)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{post.Key}: P {counts.Precision:F2} R {counts.Recall:F2} F1 {counts.F1:F2}"));
            }

            total.Add(counts);
        }

        return total;
    }

    /// <summary>The link as the normaliser keeps it (trimmed).</summary>
    private static string Normalize(string link) => link.Trim();

    internal sealed class PairCounts
    {
        public int TruePositive { get; private set; }

        public int FalsePositive { get; private set; }

        public int FalseNegative { get; private set; }

        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);

        public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(bool gold, bool predicted)
        {
            if (gold && predicted)
            {
                TruePositive++;
            }
            else if (predicted)
            {
                FalsePositive++;
            }
            else if (gold)
            {
                FalseNegative++;
            }
        }

        public void Add(PairCounts other)
        {
            TruePositive += other.TruePositive;
            FalsePositive += other.FalsePositive;
            FalseNegative += other.FalseNegative;
        }
    }
}
