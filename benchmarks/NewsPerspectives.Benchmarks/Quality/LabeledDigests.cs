using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>One source line of a labelled seed post, with its human labels.</summary>
internal sealed record LabeledLine(
    string Key, int Number, string? Language, string Title, string Link, string OutletAsWritten, DateOnly Date,
    string SideId, int Relevance, string CanonicalOutlet, string Country);

/// <summary>A labelled seed post: its topic, its lines, and the human same-event groups (line numbers).</summary>
internal sealed record LabeledPost(string Key, TopicDefinition Topic, DateOnly Date, IReadOnlyList<LabeledLine> Lines, IReadOnlyList<IReadOnlyList<int>> Stories)
{
    /// <summary>The post's inputs rebuilt: one in-memory feed per side, items titled "Headline - Outlet" with a &lt;source&gt; like Google News.</summary>
    public IReadOnlyDictionary<FeedDefinition, IReadOnlyList<FeedItem>> Feeds()
    {
        var result = new Dictionary<FeedDefinition, IReadOnlyList<FeedItem>>(ReferenceEqualityComparer.Instance);
        foreach (var feed in Topic.Feeds)
        {
            result[feed] = Lines.Where(l => l.SideId == feed.Side).Select(l => new FeedItem
            {
                Title = $"{l.Title} - {l.OutletAsWritten}",
                Link = l.Link,
                Id = l.Link,
                SourceName = l.OutletAsWritten,
                PublishedText = l.Date.ToDateTime(new TimeOnly(1, 0)).ToString("R", CultureInfo.InvariantCulture),
            }).ToArray();
        }

        return result;
    }

    /// <summary>The "as of" time of the post: 04:00 UTC on its date, as the seed ran.</summary>
    public DateTimeOffset AsOf => new(Date.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);
}

/// <summary>Loads the 25 labelled seed posts (see Data/labels/README.md).</summary>
internal static partial class LabeledDigests
{
    [GeneratedRegex(@"^(?<n>\d+)\. (?:\[(?<lang>[a-z]{2}-[A-Z]{2})\] )?\[(?<title>.*)\]\((?<link>https?://[^)\s]+)\) - (?<outlet>.*) \((?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})\)$")]
    internal static partial Regex SourceLine();

    [GeneratedRegex(@"^  - id: ""(?<id>[^""]+)""\s*\n    name: ""(?<name>[^""]*)""\s*\n    count: (?<count>\d+)", RegexOptions.Multiline)]
    internal static partial Regex Perspective();

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "Data", "labels");

    public static IReadOnlyList<LabeledPost> Load(string? folder = null)
    {
        folder ??= DataFolder;
        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "dev-labels.json")));
        var config = TopicConfigurationLoader.LoadFile(Path.Combine(folder, "seed-topics.json"));
        var items = labels.RootElement.GetProperty("items");
        var stories = labels.RootElement.GetProperty("stories");
        var posts = new List<LabeledPost>();
        foreach (var sample in labels.RootElement.GetProperty("sample").EnumerateArray())
        {
            var key = sample.GetString()!;
            var (topicId, dateText) = (key.Split('/')[0], key.Split('/')[1]);
            var seedTopic = config.Topics.Single(t => t.Id == topicId);
            // One in-memory feed per side, in side order (the seed's source lists are grouped that way).
            var topic = new TopicDefinition
            {
                Id = seedTopic.Id,
                Name = seedTopic.Name,
                Sides = seedTopic.Sides,
                Feeds = seedTopic.Sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = $"labels:{key}:{s.Id}", Side = s.Id, Language = seedTopic.Feeds.First(f => f.Side == s.Id).Language, Region = seedTopic.Feeds.First(f => f.Side == s.Id).Region }).ToArray(),
                Limits = new TopicLimits { MaxArticles = 1000, MaxAge = TimeSpan.FromDays(30) },
            };

            var text = File.ReadAllText(Path.Combine(folder, "posts", topicId, dateText + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var sideOfLine = new List<string>();
            foreach (Match m in Perspective().Matches(text))
            {
                sideOfLine.AddRange(Enumerable.Repeat(m.Groups["id"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)));
            }

            var lines = new List<LabeledLine>();
            foreach (var raw in text[text.IndexOf("## Sources", StringComparison.Ordinal)..].Split('\n'))
            {
                var m = SourceLine().Match(raw);
                if (!m.Success)
                {
                    continue;
                }

                int n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var label = items.GetProperty($"{key}#{n}");
                lines.Add(new LabeledLine(
                    $"{key}#{n}", n, m.Groups["lang"].Success ? m.Groups["lang"].Value : null, m.Groups["title"].Value, m.Groups["link"].Value,
                    m.Groups["outlet"].Value,
                    new DateOnly(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)),
                    sideOfLine[n - 1], label.GetProperty("relevance").GetInt32(), label.GetProperty("outlet").GetString()!, label.GetProperty("country").GetString()!));
            }

            var groups = stories.TryGetProperty(key, out var g)
                ? g.EnumerateArray().Select(a => (IReadOnlyList<int>)a.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray()
                : [];
            posts.Add(new LabeledPost(key, topic, DateOnly.ParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture), lines, groups));
        }

        return posts;
    }
}

/// <summary>A feed source over in-memory items, for running the pipeline on rebuilt inputs.</summary>
internal sealed class InMemoryFeedSource(IReadOnlyDictionary<FeedDefinition, IReadOnlyList<FeedItem>> feeds) : IFeedSource
{
    public bool CanRead(FeedDefinition feed) => feeds.ContainsKey(feed);

    public Task<FeedReadResult> ReadAsync(FeedDefinition feed, CancellationToken cancellationToken = default) =>
        Task.FromResult(new FeedReadResult { Status = FeedStatus.Ok, Items = feeds[feed] });
}
