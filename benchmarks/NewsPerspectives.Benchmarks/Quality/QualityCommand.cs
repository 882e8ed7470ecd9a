using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>
/// <c>quality</c>: the digest's quality against human labels, through the path a user runs — the CLI's: for every
/// labelled post, its source lines become one Google-News-shaped RSS file per side (title "Headline - Outlet",
/// <c>&lt;source&gt;</c>), a topics YAML file with the seed's sides (names only), no cap, as of 04:00 UTC on the post's
/// date; the configuration loader, <c>AddNewsPerspectives()</c>, the pipeline and the JSON writer run on them, and the
/// figures are read back from the JSON. Pass A (default relevance) scores relevance; pass B (relevance off) scores
/// stories, cross-side stories, false blindspots and outlets. It computes the same figures as
/// <c>../shared/tools/quality_eval.py</c> (which drives the CLI binary) and two more: cross-side precision (of the
/// stories the digest shows as covered by two sides, the share that hold a human same-event pair across sides) and
/// blindspot recall (of the human groups covered by one side only, the share flagged as a blindspot).
/// </summary>
/// <remarks>
/// Options: <c>--labels FILE</c> (default the copy of dev-labels.json in Data/labels; validation-labels.json beside it
/// is the held-out set), <c>--posts DIR</c> (folder of <c>&lt;topic&gt;/&lt;date&gt;.md</c> posts with the seed's
/// <c>topics.json</c>, or <c>seed-topics.json</c> beside the folder; default Data/labels/posts; <c>../shared/data/seed-digests</c> works), <c>--embeddings</c> (adds
/// <c>UseEmbeddings()</c>), <c>--same-side X</c> / <c>--cross-side X</c> (story thresholds), <c>--cross-validate</c>
/// (leave one topic out over a grid of the two story thresholds), <c>--work DIR</c> (keeps the generated feeds and
/// digests), <c>--json FILE</c> (the figures).
/// </remarks>
internal static partial class QualityCommand
{
    [GeneratedRegex(@"^(?<n>\d+)\. (?:\[(?<lang>[a-z]{2}-[A-Z]{2})\] )?\[(?<title>.*)\]\((?<link>https?://[^)\s]+)\) - (?<outlet>.*) \((?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})\)\s*$")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^  - id: ""(?<id>[^""]+)""\s*\n    name: ""(?<name>[^""]*)""\s*\n    count: (?<count>\d+)", RegexOptions.Multiline)]
    private static partial Regex Perspective();

    public static async Task<int> RunAsync(string[] args)
    {
        var labelsPath = Option(args, "--labels") ?? Path.Combine(LabeledDigests.DataFolder, "dev-labels.json");
        var postsFolder = Option(args, "--posts") ?? Path.Combine(LabeledDigests.DataFolder, "posts");
        var work = Option(args, "--work") ?? Directory.CreateTempSubdirectory("quality-").FullName;
        var jsonOut = Option(args, "--json");
        bool embeddings = args.Contains("--embeddings");
        var stories = new StoryClustererOptions();
        if (Option(args, "--same-side") is { } same)
        {
            stories.SameSideThreshold = double.Parse(same, CultureInfo.InvariantCulture);
        }

        if (Option(args, "--cross-side") is { } cross)
        {
            stories.CrossSideThreshold = double.Parse(cross, CultureInfo.InvariantCulture);
        }

        using var labels = JsonDocument.Parse(await File.ReadAllTextAsync(labelsPath).ConfigureAwait(false));
        var items = labels.RootElement.GetProperty("items");
        var humanStories = labels.RootElement.GetProperty("stories");
        var seedTopics = LoadSeedTopics(postsFolder);
        var byDate = labels.RootElement.GetProperty("sample").EnumerateArray()
            .Select(e => e.GetString()!)
            .Select(key => (Key: key, Topic: key.Split('/')[0], Date: key.Split('/')[1]))
            .GroupBy(p => p.Date, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var dates = byDate.Select(date => (date.Key, Posts: date.Select(p => (p.Key, p.Topic, Lines: ParsePost(File.ReadAllText(Path.Combine(postsFolder, p.Topic, p.Date + ".md"))))).ToArray())).ToArray();
        async Task<Dictionary<string, Figures>> ScorePostsAsync(StoryClustererOptions options)
        {
            var perPost = new Dictionary<string, Figures>(StringComparer.Ordinal);
            foreach (var (date, posts) in dates)
            {
                var inputs = posts.Select(p => (p.Topic, p.Lines)).ToArray();
                var passA = await RunDateAsync(work, date, inputs, seedTopics, relevance: true, embeddings, options).ConfigureAwait(false);
                var passB = await RunDateAsync(work, date, inputs, seedTopics, relevance: false, embeddings, options).ConfigureAwait(false);
                foreach (var (key, topic, lines) in posts)
                {
                    var groups = humanStories.TryGetProperty(key, out var g)
                        ? g.EnumerateArray().Select(a => a.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray()
                        : [];
                    var post = new Figures();
                    post.Score(key, topic, lines, items, groups, passA[topic].RootElement, passB[topic].RootElement);
                    perPost[key] = post;
                }

                foreach (var document in passA.Values.Concat(passB.Values))
                {
                    document.Dispose();
                }
            }

            return perPost;
        }

        if (args.Contains("--cross-validate"))
        {
            return await CrossValidateAsync(ScorePostsAsync).ConfigureAwait(false);
        }

        var figures = Sum((await ScorePostsAsync(stories).ConfigureAwait(false)).Values);
        figures.Print(Console.Out, embeddings);
        if (jsonOut is not null)
        {
            await File.WriteAllTextAsync(jsonOut, figures.ToJson()).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Leave one topic out: for each topic, the (same-side, cross-side) thresholds that do best (<see cref="Figures.Objective"/>)
    /// on the other topics' posts, then that topic's posts scored with them; prints each fold's choice and the held-out sum.
    /// </summary>
    private static async Task<int> CrossValidateAsync(Func<StoryClustererOptions, Task<Dictionary<string, Figures>>> score)
    {
        double[] sameSide = [0.2, 0.24, 0.28, 0.32, 0.36, 0.4, 0.45];
        double[] crossSide = [0.12, 0.16, 0.2, 0.24, 0.28, 0.32];
        var grid = new List<(double Same, double Cross, Dictionary<string, Figures> Posts)>();
        foreach (var same in sameSide)
        {
            foreach (var cross in crossSide)
            {
                grid.Add((same, cross, await score(new StoryClustererOptions { SameSideThreshold = same, CrossSideThreshold = cross }).ConfigureAwait(false)));
            }
        }

        var topics = grid[0].Posts.Keys.Select(k => k.Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var heldOut = new Figures();
        foreach (var topic in topics)
        {
            bool InTopic(string key) => key.StartsWith(topic + "/", StringComparison.Ordinal);
            var best = grid.MaxBy(g => Sum(g.Posts.Where(p => !InTopic(p.Key)).Select(p => p.Value)).Objective);
            var fold = Sum(best.Posts.Where(p => InTopic(p.Key)).Select(p => p.Value));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {topic}: chose same-side {best.Same}, cross-side {best.Cross}; held out: {fold.StoryLine()}"));
            heldOut.Add(fold);
        }

        Console.WriteLine($"leave-one-topic-out, held-out folds summed: {heldOut.StoryLine()}");
        var inSample = grid.MaxBy(g => Sum(g.Posts.Values).Objective);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-sample best: same-side {inSample.Same}, cross-side {inSample.Cross}: {Sum(inSample.Posts.Values).StoryLine()}"));
        return 0;
    }

    private static Figures Sum(IEnumerable<Figures> figures)
    {
        var sum = new Figures();
        foreach (var f in figures)
        {
            sum.Add(f);
        }

        return sum;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static Dictionary<string, (string Name, (string Id, string Name)[] Sides)> LoadSeedTopics(string folder)
    {
        var path = new[] { Path.Combine(folder, "topics.json"), Path.Combine(folder, "..", "seed-topics.json") }.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"no topics.json in {folder} (nor seed-topics.json beside it)");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("topics").EnumerateArray().ToDictionary(
            t => t.GetProperty("id").GetString()!,
            t => (t.GetProperty("name").GetString()!, t.GetProperty("perspectives").EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("name").GetString()!)).ToArray()),
            StringComparer.Ordinal);
    }

    internal static IReadOnlyList<Line> ParsePost(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var sides = new List<string>();
        foreach (Match m in Perspective().Matches(text))
        {
            sides.AddRange(Enumerable.Repeat(m.Groups["id"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)));
        }

        var lines = new List<Line>();
        foreach (var raw in text[(text.IndexOf("## Sources", StringComparison.Ordinal) + "## Sources".Length)..].Split('\n'))
        {
            var m = SourceLine().Match(raw);
            if (m.Success)
            {
                int n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                lines.Add(new Line(
                    n, m.Groups["lang"].Success ? m.Groups["lang"].Value : null, m.Groups["title"].Value, m.Groups["link"].Value, m.Groups["outlet"].Value,
                    new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)),
                    sides[n - 1]));
            }
        }

        return lines;
    }

    /// <summary>Writes one date's feeds and topics file, runs them as the CLI does, and returns each topic's JSON digest.</summary>
    private static async Task<Dictionary<string, JsonDocument>> RunDateAsync(
        string work, string date, (string Topic, IReadOnlyList<Line> Lines)[] posts, Dictionary<string, (string Name, (string Id, string Name)[] Sides)> seedTopics, bool relevance, bool embeddings, StoryClustererOptions stories)
    {
        var root = Path.Combine(work, $"{date}-{(relevance ? "a" : "b")}");
        Directory.CreateDirectory(root);
        var yaml = new StringBuilder();
        yaml.Append("settings:\n  maxArticles: 1000\n  maxAge: 30d\n").Append(CultureInfo.InvariantCulture, $"  asOf: {date}T04:00:00Z\n").Append("topics:\n");
        foreach (var (topic, lines) in posts)
        {
            var (name, sides) = seedTopics[topic];
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {topic}\n    name: {Quote(name)}\n");
            if (!relevance)
            {
                yaml.Append("    relevance:\n      enabled: false\n");
            }

            yaml.Append("    sides:\n");
            foreach (var (id, sideName) in sides)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      - id: {id}\n        name: {Quote(sideName)}\n");
            }

            yaml.Append("    feeds:\n");
            foreach (var (id, _) in sides)
            {
                var sideLines = lines.Where(l => l.Side == id).ToArray();
                var feedPath = Path.Combine(root, "feeds", topic, id + ".xml");
                Directory.CreateDirectory(Path.GetDirectoryName(feedPath)!);
                await File.WriteAllTextAsync(feedPath, Rss(sideLines), new UTF8Encoding(false)).ConfigureAwait(false);
                var language = sideLines.Select(l => l.Language).FirstOrDefault(l => l is not null) ?? "en-US";
                yaml.Append(CultureInfo.InvariantCulture, $"      - path: feeds/{topic}/{id}.xml\n        side: {id}\n        language: {language.Split('-')[0]}\n        region: {language.Split('-')[1]}\n");
            }
        }

        var configPath = Path.Combine(root, "topics.yaml");
        await File.WriteAllTextAsync(configPath, yaml.ToString(), new UTF8Encoding(false)).ConfigureAwait(false);

        // What the CLI does with --config, --format json and --stories.
        var configuration = TopicConfigurationLoader.LoadFile(configPath);
        var services = new ServiceCollection();
        var builder = services.AddNewsPerspectives(o =>
        {
            o.Hugo.IncludeStories = o.Hugo.IncludeFoundCounts = o.Hugo.IncludeAlsoPublishedBy = true;
            o.Stories.SameSideThreshold = stories.SameSideThreshold;
            o.Stories.CrossSideThreshold = stories.CrossSideThreshold;
        });
        if (configuration.Outlets is { } outlets)
        {
            builder.UseOutletRegistry(outlets);
        }

        if (embeddings)
        {
            builder.UseEmbeddings();
        }

        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        var json = provider.GetServices<IDigestWriter>().Single(w => w.Format == "json");
        var result = new Dictionary<string, JsonDocument>(StringComparer.Ordinal);
        foreach (var topic in configuration.Topics)
        {
            var run = await pipeline.RunAsync(topic, configuration.AsOf).ConfigureAwait(false);
            var path = Path.Combine(root, "out", $"{topic.Id}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var stream = File.Create(path))
            {
                await json.WriteAsync(run, stream).ConfigureAwait(false);
            }

            result[topic.Id] = JsonDocument.Parse(await File.ReadAllBytesAsync(path).ConfigureAwait(false));
        }

        return result;
    }

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string value) => JsonSerializer.Serialize(value, QuoteOptions);

    private static string Rss(IEnumerable<Line> items)
    {
        var rss = new StringBuilder();
        rss.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>labelled posts</title>\n")
            .Append("<link>https://news.google.com/</link><description>labelled posts</description>");
        foreach (var item in items)
        {
            var when = item.Date.ToDateTime(new TimeOnly(1, 0)).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
            rss.Append(CultureInfo.InvariantCulture,
                $"\n<item><title>{Escape($"{item.Title} - {item.Outlet}")}</title><link>{Escape(item.Link)}</link><guid isPermaLink=\"false\">{Escape(item.Link)}</guid><pubDate>{when}</pubDate><source>{Escape(item.Outlet)}</source></item>");
        }

        return rss.Append("\n</channel></rss>").ToString();
    }

    /// <summary>XML text escaping as Python's <c>xml.sax.saxutils.escape</c> does it: &amp;, &lt; and &gt; only.</summary>
    private static string Escape(string text) => SecurityElement.Escape(text).Replace("&apos;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal);

    /// <summary>One source line of a seed post.</summary>
    internal sealed record Line(int Number, string? Language, string Title, string Link, string Outlet, DateOnly Date, string Side);
}
