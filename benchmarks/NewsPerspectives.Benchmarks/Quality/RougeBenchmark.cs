using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>
/// <c>quality-rouge</c>: ROUGE-1 and ROUGE-2 recall of the extractive summarizer on the MultiLing 2011 English
/// clusters (10 events × 10 WikiNews articles, 3 human summaries of ~250 words each), beside two baselines computed
/// here on the same sentences: the lead sentences of the most recent article, and plain TextRank.
/// </summary>
/// <remarks>
/// ROUGE settings (implemented here, no external scorer): tokens are maximal runs of ASCII letters and digits after
/// lower-casing (everything else separates tokens); no stemming; no stop-word removal; every summary (ours and the
/// baselines') is cut to its first 250 tokens; n-gram recall = clipped overlapping n-gram count / n-gram count of
/// the reference; the score of a cluster is the mean over its three references; the reported figure is the mean
/// over the ten clusters. Usage: <c>quality-rouge [--words 250] [--lambda 0.7] [--position-weight 1] [--verbose]</c>
/// (the last two override the summarizer's options, for ablations).
/// </remarks>
internal static partial class RougeBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        int budget = 250;
        bool verbose = args.Contains("--verbose");
        int at = Array.IndexOf(args, "--words");
        if (at >= 0 && at + 1 < args.Length)
        {
            budget = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        }

        var options = new ExtractiveSummarizerOptions { HighlightWordBudget = budget };
        int lambdaAt = Array.IndexOf(args, "--lambda");
        if (lambdaAt >= 0 && lambdaAt + 1 < args.Length)
        {
            options.MmrLambda = double.Parse(args[lambdaAt + 1], CultureInfo.InvariantCulture);
        }

        int positionAt = Array.IndexOf(args, "--position-weight");
        if (positionAt >= 0 && positionAt + 1 < args.Length)
        {
            options.PositionWeight = double.Parse(args[positionAt + 1], CultureInfo.InvariantCulture);
        }

        var root = Path.Combine(AppContext.BaseDirectory, "Data", "summarization", "multiling2011-english");
        var systems = new (string Name, Func<Cluster, int, string> Summarize)[]
        {
            ("extractive summarizer (NewsPerspectives)", (c, b) => Extractive(c, options)),
            ("baseline: lead of the most recent article", Lead),
            ("baseline: plain TextRank", TextRank),
        };
        var totals = new double[systems.Length, 2];
        int clusters = 0;
        for (int t = 0; t < 10; t++)
        {
            var cluster = Cluster.Load(root, t);
            clusters++;
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"M00{t}");
            for (int s = 0; s < systems.Length; s++)
            {
                var summary = Truncate(Tokens(systems[s].Summarize(cluster, budget)), budget);
                double r1 = cluster.References.Average(r => Recall(summary, Tokens(r), 1));
                double r2 = cluster.References.Average(r => Recall(summary, Tokens(r), 2));
                totals[s, 0] += r1;
                totals[s, 1] += r2;
                line.Append(CultureInfo.InvariantCulture, $"  {r1:0.0000}/{r2:0.0000}");
            }

            if (verbose)
            {
                Console.WriteLine(line);
            }
        }

        Console.WriteLine($"MultiLing 2011 English, {clusters} clusters, summaries cut at {budget} words; ROUGE recall, mean over 3 references and {clusters} clusters");
        Console.WriteLine("| system | ROUGE-1 R | ROUGE-2 R |");
        Console.WriteLine("| --- | ---: | ---: |");
        for (int s = 0; s < systems.Length; s++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {systems[s].Name} | {totals[s, 0] / clusters:0.0000} | {totals[s, 1] / clusters:0.0000} |"));
        }

        bool beats = totals[0, 0] > totals[1, 0] && totals[0, 0] > totals[2, 0] && totals[0, 1] > totals[1, 1] && totals[0, 1] > totals[2, 1];
        Console.WriteLine(beats ? "the extractive summarizer beats both baselines on ROUGE-1 and ROUGE-2" : "the extractive summarizer does NOT beat both baselines");
        return Task.FromResult(beats ? 0 : 1);
    }

    /// <summary>Our summarizer: the sentence-level extract with a word budget, over one source per article.</summary>
    private static string Extractive(Cluster cluster, ExtractiveSummarizerOptions options)
    {
        var topic = new TopicDefinition
        {
            Id = "multiling",
            Name = "MultiLing",
            Sides = [new SideDefinition { Id = "all", Name = "All" }],
            Feeds = [],
        };
        var feed = new FeedDefinition { Kind = FeedKind.File, Location = "multiling", Side = "all" };
        var sources = cluster.Articles.Select((a, i) => new DigestSource
        {
            Number = i + 1,
            Item = new ClassifiedArticle
            {
                Article = new Article
                {
                    Id = a.Name,
                    Title = a.Headline,
                    Description = a.Body,
                    Link = $"https://example.org/{a.Name}",
                    Outlet = "WikiNews",
                    Published = a.Date,
                    Feed = feed,
                    FeedPosition = i,
                },
                Perspective = new PerspectiveAssignment { SideId = "all", Confidence = 1, Reason = "benchmark" },
            },
        }).ToArray();
        var summarizer = new ExtractiveSummarizer(options);
        var items = sources.Select(s => s.Item).ToArray();
        var digest = new DigestAssembler().Assemble(topic, cluster.Articles.Max(a => a.Date), items, items, items.Select(i => new Story
        {
            Id = i.Article.Id,
            Headline = i.Article.Title,
            Articles = [i],
            CoverageBySide = new Dictionary<string, int>(StringComparer.Ordinal) { [i.SideId] = 1 },
        }).ToArray());
        var summary = summarizer.Summarize(new SummaryRequest { Digest = digest });
        return string.Join("\n", summary.Highlights.Select(h => h.Text));
    }

    /// <summary>Baseline (a): the first sentences of the most recent article (ties: the first file), up to the budget.</summary>
    private static string Lead(Cluster cluster, int budget)
    {
        var latest = cluster.Articles.OrderByDescending(a => a.Date).ThenBy(a => a.Name, StringComparer.Ordinal).First();
        return string.Join("\n", Fill(SentenceSplitter.Split(latest.Body), budget));
    }

    /// <summary>
    /// Baseline (b): plain TextRank (Mihalcea and Tarau 2004) over all body sentences of the cluster: similarity =
    /// shared lower-cased tokens / (log |Si| + log |Sj|), PageRank with damping 0.85, the top sentences in score order
    /// up to the budget; no redundancy control, no position prior.
    /// </summary>
    private static string TextRank(Cluster cluster, int budget)
    {
        var sentences = cluster.Articles.SelectMany(a => SentenceSplitter.Split(a.Body)).ToArray();
        var tokens = sentences.Select(s => Tokens(s).ToHashSet(StringComparer.Ordinal)).ToArray();
        int n = sentences.Length;
        var weight = new double[n, n];
        var rowSum = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i == j || tokens[i].Count < 2 || tokens[j].Count < 2)
                {
                    continue;
                }

                int shared = tokens[i].Count(tokens[j].Contains);
                weight[i, j] = shared / (Math.Log(tokens[i].Count) + Math.Log(tokens[j].Count));
                rowSum[i] += weight[i, j];
            }
        }

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var next = new double[n];
            for (int j = 0; j < n; j++)
            {
                double inflow = 0;
                for (int i = 0; i < n; i++)
                {
                    if (rowSum[i] > 0)
                    {
                        inflow += rank[i] * weight[i, j] / rowSum[i];
                    }
                }

                next[j] = 0.15 / n + 0.85 * inflow;
            }

            rank = next;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => rank[i]).ThenBy(i => i).Select(i => sentences[i]);
        return string.Join("\n", Fill(order, budget));
    }

    private static List<string> Fill(IEnumerable<string> sentences, int budget)
    {
        var chosen = new List<string>();
        int words = 0;
        foreach (var sentence in sentences)
        {
            if (words >= budget)
            {
                break;
            }

            chosen.Add(sentence);
            words += Tokens(sentence).Count;
        }

        return chosen;
    }

    /// <summary>ROUGE tokens: lower-cased maximal runs of ASCII letters and digits.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    private static List<string> Truncate(List<string> tokens, int budget) => tokens.Count > budget ? tokens.GetRange(0, budget) : tokens;

    /// <summary>ROUGE-N recall: clipped n-gram overlap / reference n-gram count.</summary>
    internal static double Recall(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var referenceGrams = Grams(reference, n);
        int total = referenceGrams.Values.Sum();
        if (total == 0)
        {
            return 0;
        }

        var candidateGrams = Grams(candidate, n);
        int overlap = referenceGrams.Sum(kv => Math.Min(kv.Value, candidateGrams.GetValueOrDefault(kv.Key)));
        return (double)overlap / total;
    }

    private static Dictionary<string, int> Grams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    [GeneratedRegex(@"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s*)?(?<date>(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    internal sealed record SourceText(string Name, DateTimeOffset Date, string Headline, string Body);

    internal sealed record Cluster(IReadOnlyList<SourceText> Articles, IReadOnlyList<string> References)
    {
        public static Cluster Load(string root, int topic)
        {
            var articles = new List<SourceText>();
            for (int d = 0; d < 10; d++)
            {
                var name = $"M00{topic}{d}";
                var lines = File.ReadAllText(Path.Combine(root, "SourceTexts", $"{name}.english"), Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                articles.Add(Parse(name, lines));
            }

            var references = new[] { "A", "B", "C" }
                .Select(r => File.ReadAllText(Path.Combine(root, "ModelSummaries", $"M00{topic}.{r}.250"), Encoding.UTF8))
                .ToArray();
            return new Cluster(articles, references);
        }

        /// <summary>
        /// First line: "yyyy/MM/dd Headline" or just the headline. The first dateline among the next lines
        /// ("Saturday, January 8, 2005" or "December 29, 2004", at the start of a line, sometimes run into the first
        /// sentence) gives the date when the first line had none, and is cut out of the body, which is the rest.
        /// </summary>
        private static SourceText Parse(string name, string[] lines)
        {
            var first = lines[0].Trim();
            DateTimeOffset? date = null;
            var headline = first;
            int space = first.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && DateTimeOffset.TryParseExact(first[..space], "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
            {
                date = d;
                headline = first[(space + 1)..].Trim();
            }

            var body = lines.Skip(1).ToArray();
            for (int i = 0; i < Math.Min(body.Length, 12); i++)
            {
                var match = Dateline().Match(body[i]);
                if (match.Success && DateTimeOffset.TryParse(match.Groups["date"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dateline))
                {
                    date ??= dateline;
                    body[i] = body[i][match.Length..];
                    break;
                }
            }

            if (date is null)
            {
                throw new InvalidDataException($"{name}: no date on the first line or in a dateline");
            }

            return new SourceText(name, date.Value, headline, string.Join('\n', body));
        }
    }
}
