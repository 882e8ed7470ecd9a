using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>A past digest read back from a file: its topic, day, articles and (for JSON digests with stories) its stories.</summary>
internal sealed record PastDigest(string Path, TopicDefinition Topic, DateOnly Date, IReadOnlyList<ClassifiedArticle> Articles, IReadOnlyList<StorySnapshot>? Stories);

/// <summary>
/// Reads past digests for back-filling a story archive: the JSON digests the JSON writer writes
/// (<c>newsperspectives.digest/N</c>) and Hugo posts in the seed's format (front matter <c>topic</c>, <c>date</c>,
/// <c>perspectives</c> or <c>&lt;side&gt;Sources</c> counts, and the numbered <c>## Sources</c> list).
/// </summary>
internal static partial class PastDigestReader
{
    [GeneratedRegex(@"^\d+\. (?:\[[^\]]*\] )?\[(?<title>.*)\]\((?<link>https?://[^)\s]+)\) - (?<outlet>.*) \((?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})\)\s*$")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^  - id: ""(?<id>[^""]+)""\s*\n    name: ""(?<name>[^""]*)""\s*\n    count: (?<count>\d+)", RegexOptions.Multiline)]
    private static partial Regex Perspective();

    [GeneratedRegex(@"^(?<id>[A-Za-z0-9_-]+)Sources: (?<count>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SideCount();

    [GeneratedRegex(@"^(?<key>topic|topicName|date): ""?(?<value>[^""\n]*)""?\s*$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterValue();

    /// <summary>Reads a JSON digest or a Hugo post; <paramref name="problem"/> says why a file is not one.</summary>
    public static PastDigest? Read(string path, out string? problem)
    {
        try
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            return System.IO.Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(path, text, out problem) : ReadPost(path, text, out problem);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            problem = ex.Message;
            return null;
        }
    }

    private static PastDigest? ReadJson(string path, string text, out string? problem)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out var schema) || schema.GetString()?.StartsWith("newsperspectives.digest/", StringComparison.Ordinal) != true)
        {
            problem = "not a NewsPerspectives JSON digest (no \"schema\": \"newsperspectives.digest/N\")";
            return null;
        }

        var topicElement = root.GetProperty("topic");
        var sides = root.GetProperty("perspectives").EnumerateArray()
            .Select(p => new SideDefinition { Id = p.GetProperty("id").GetString()!, Name = p.GetProperty("name").GetString()! }).ToArray();
        var topic = Topic(topicElement.GetProperty("id").GetString()!, topicElement.GetProperty("name").GetString()!, sides, path);
        var date = DateOnly.ParseExact(root.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var byNumber = new Dictionary<int, ClassifiedArticle>();
        foreach (var source in root.GetProperty("sources").EnumerateArray())
        {
            var side = source.GetProperty("side").GetString()!;
            var link = source.GetProperty("link").GetString()!;
            byNumber[source.GetProperty("number").GetInt32()] = Classified(new Article
            {
                Id = source.TryGetProperty("id", out var id) ? id.GetString()! : ArticleNormalizer.StableId(link),
                Title = source.GetProperty("title").GetString()!,
                Link = link,
                Outlet = source.GetProperty("outlet").GetString()!,
                Published = DateTimeOffset.Parse(source.GetProperty("published").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
                Feed = topic.Feeds.First(f => f.Side == side),
            }, side);
        }

        IReadOnlyList<StorySnapshot>? stories = null;
        if (root.TryGetProperty("stories", out var storyArray) && storyArray.GetArrayLength() > 0)
        {
            var generatedAt = DateTimeOffset.Parse(root.GetProperty("generatedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
            stories = storyArray.EnumerateArray().Select(s => Snapshot(s, byNumber, sides, generatedAt)).ToArray();
        }

        problem = null;
        return new PastDigest(path, topic, date, byNumber.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray(), stories);
    }

    /// <summary>
    /// A JSON story: its id, headline and per-side counts as written; terms from its headline and its listed sources'
    /// titles; each side's first article from its listed sources (a side covered only beyond the cap: the story's
    /// earliest listed article, else the digest's time).
    /// </summary>
    private static StorySnapshot Snapshot(JsonElement story, Dictionary<int, ClassifiedArticle> byNumber, SideDefinition[] sides, DateTimeOffset generatedAt)
    {
        var listed = story.TryGetProperty("sources", out var numbers)
            ? numbers.EnumerateArray().Select(n => n.GetInt32()).Where(byNumber.ContainsKey).Select(n => byNumber[n]).ToArray()
            : [];
        var headline = story.GetProperty("headline").GetString()!;
        var earliest = listed.Length > 0 ? listed.Min(a => a.Article.Published) : generatedAt;
        var coverage = new List<SideCoverage>();
        if (story.TryGetProperty("coverage", out var counts))
        {
            foreach (var side in sides)
            {
                if (counts.TryGetProperty(side.Id, out var count) && count.GetInt32() > 0)
                {
                    var mine = listed.Where(a => a.SideId == side.Id).ToArray();
                    coverage.Add(new SideCoverage { SideId = side.Id, Articles = count.GetInt32(), FirstPublished = mine.Length > 0 ? mine.Min(a => a.Article.Published) : earliest });
                }
            }
        }

        return new StorySnapshot
        {
            Id = story.GetProperty("id").GetString()!,
            Headline = headline,
            Terms = StoryTerms.Of(headline, listed.Select(a => a.Article.Title), StoryTerms.DefaultMaxTerms),
            Coverage = coverage,
            Outlets = listed.Select(a => a.Article.Outlet).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static PastDigest? ReadPost(string path, string text, out string? problem)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || text.IndexOf("\n---\n", 3, StringComparison.Ordinal) is var end && end < 0)
        {
            problem = "not a Hugo post (no front matter)";
            return null;
        }

        var front = text[4..(end + 1)];
        var values = FrontMatterValue().Matches(front).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        if (!values.TryGetValue("topic", out var topicId) || !values.TryGetValue("date", out var dateText))
        {
            problem = "not a digest post (front matter without topic and date)";
            return null;
        }

        var counts = Perspective().Matches(front).Select(m => (m.Groups["id"].Value, m.Groups["name"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))).ToList();
        if (counts.Count == 0)
        {
            counts = SideCount().Matches(front).Select(m => (m.Groups["id"].Value, m.Groups["id"].Value, int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture))).ToList();
        }

        var sides = counts.Select(c => new SideDefinition { Id = c.Item1, Name = c.Item2 }).ToArray();
        if (sides.Length == 0)
        {
            problem = "the post names no sides (no perspectives or <side>Sources counts)";
            return null;
        }

        var topic = Topic(topicId, values.GetValueOrDefault("topicName") ?? topicId, sides, path);
        var date = DateOnly.FromDateTime(DateTimeOffset.Parse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime);
        var sideOfLine = counts.SelectMany(c => Enumerable.Repeat(c.Item1, c.Item3)).ToArray();
        var sourcesAt = text.IndexOf("\n## Sources", end, StringComparison.Ordinal);
        var articles = new List<ClassifiedArticle>();
        foreach (var line in sourcesAt < 0 ? [] : text[sourcesAt..].Split('\n'))
        {
            var m = SourceLine().Match(line);
            if (!m.Success || articles.Count >= sideOfLine.Length)
            {
                continue;
            }

            var side = sideOfLine[articles.Count];
            var link = m.Groups["link"].Value;
            var day = new DateOnly(Number(m, "y"), Number(m, "m"), Number(m, "d"));
            articles.Add(Classified(new Article
            {
                Id = ArticleNormalizer.StableId(link),
                Title = m.Groups["title"].Value,
                Link = link,
                Outlet = m.Groups["outlet"].Value,
                Published = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Feed = topic.Feeds.First(f => f.Side == side),
                FeedPosition = articles.Count,
            }, side));
        }

        problem = null;
        return new PastDigest(path, topic, date, articles, null);
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static TopicDefinition Topic(string id, string name, SideDefinition[] sides, string path) => new()
    {
        Id = id,
        Name = name,
        Sides = sides,
        Feeds = sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = path, Side = s.Id }).ToArray(),
    };

    private static ClassifiedArticle Classified(Article article, string side) => new()
    {
        Article = article,
        Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "listed for this side in the past digest" },
    };
}
