namespace NewsPerspectives.Tests.Writing;

/// <summary>Digests built by hand, for writer tests.</summary>
internal static class DigestFixtures
{
    public static readonly string[] HostileValues =
    [
        "yes", "no", "null", "~", "1e3", "0x1F", "012", "2024-01-01", "a: b", "---", "#x", "*a", "&b", "!t", "on",
        "line one\nline two", "tab\there", "U+2028\u2028here", "quote \" and \\ backslash", "[x](JaVaScRiPt:alert(1))",
        "{{< x >}}", "{{% x %}}", "<script>alert(1)</script>", "a_b_c *d* `e`", "- dash", "1. one", "> quote", "C'est déjà 北京 ✓",
        // Found by the generative tests: bare URLs and addresses that Goldmark's linkify would turn into links (swallowing escapes).
        "see https://a.example/i_(1)_x now", "www.example.com/a_b", "write to a_b@c.example",
    ];

    public static DigestRun Run(string topicName, IReadOnlyList<(string Title, string Outlet, string Link)> articles, string topicId = "alpha-beta")
    {
        var sides = new[] { new SideDefinition { Id = "alpha", Name = "Alpha" }, new SideDefinition { Id = "beta", Name = "Beta" } };
        var feeds = sides.Select(s => new FeedDefinition { Kind = FeedKind.File, Location = $"{s.Id}.xml", Side = s.Id }).ToArray();
        var topic = new TopicDefinition { Id = topicId, Name = topicName, Sides = sides, Feeds = feeds };
        var sources = articles.Select((a, i) => new DigestSource
        {
            Number = i + 1,
            Item = new ClassifiedArticle
            {
                Article = new Article
                {
                    Id = $"id{i}",
                    Title = a.Title,
                    Link = a.Link,
                    Outlet = a.Outlet,
                    Published = new DateTimeOffset(2026, 1, 11, 10, 0, 0, TimeSpan.Zero),
                    Language = "en-US",
                    Feed = feeds[i % 2],
                },
                Perspective = new PerspectiveAssignment { SideId = sides[i % 2].Id, Confidence = 1, Reason = "test" },
            },
        }).OrderBy(s => s.SideId == "alpha" ? 0 : 1).ThenBy(s => s.Number).Select((s, i) => new DigestSource { Number = i + 1, Item = s.Item }).ToArray();
        var bullets = sources.Take(5).Select(s => new SummaryBullet { Text = s.Article.Title, Citations = [s.Number] }).ToArray();
        var digest = new Digest
        {
            Topic = topic,
            GeneratedAt = new DateTimeOffset(2026, 1, 12, 4, 0, 29, 707, TimeSpan.Zero),
            Sources = sources,
            Highlights = bullets,
            Sides = sides.Select(s => new SideDigest
            {
                Side = s,
                Count = sources.Count(x => x.SideId == s.Id),
                Found = sources.Count(x => x.SideId == s.Id),
                Bullets = bullets.Where(b => sources[b.Citations[0] - 1].SideId == s.Id).ToArray(),
            }).ToArray(),
        };
        return new DigestRun { Digest = digest, Diagnostics = new DigestDiagnostics { Feeds = [], Dropped = [] } };
    }
}
