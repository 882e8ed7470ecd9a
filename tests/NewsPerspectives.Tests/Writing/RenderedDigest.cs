namespace NewsPerspectives.Tests.Writing;

/// <summary>Renders a run with a writer to a string: the one seam the generative writer tests go through.</summary>
internal static class RenderedDigest
{
    public static string Render(IDigestWriter writer, DigestRun run)
    {
        using var stream = new MemoryStream();
        writer.WriteAsync(run, stream).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A one-topic, two-side run whose every text a test chooses.</summary>
    public static DigestRun Run(string topicId, string topicName, string sideName, string title, string outlet, string bullet, string link = "https://a.example/story")
    {
        var sides = new[] { new SideDefinition { Id = "alpha", Name = sideName }, new SideDefinition { Id = "beta", Name = "Beta" } };
        var feed = new FeedDefinition { Kind = FeedKind.File, Location = "alpha.xml", Side = "alpha" };
        var topic = new TopicDefinition { Id = topicId, Name = topicName, Sides = sides, Feeds = [feed] };
        var source = new DigestSource
        {
            Number = 1,
            Item = new ClassifiedArticle
            {
                Article = new Article
                {
                    Id = "id0",
                    Title = title,
                    Link = link,
                    Outlet = outlet,
                    Published = new DateTimeOffset(2026, 1, 11, 10, 0, 0, TimeSpan.Zero),
                    Language = "en-US",
                    Feed = feed,
                },
                Perspective = new PerspectiveAssignment { SideId = "alpha", Confidence = 1, Reason = "test" },
            },
        };
        var highlight = new SummaryBullet { Text = bullet, Citations = [1] };
        var digest = new Digest
        {
            Topic = topic,
            GeneratedAt = new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero),
            Sources = [source],
            Highlights = [highlight],
            Sides = [
                new SideDigest { Side = sides[0], Count = 1, Found = 1, Bullets = [highlight] },
                new SideDigest { Side = sides[1], Count = 0, Found = 0, Bullets = [] },
            ],
        };
        return new DigestRun { Digest = digest, Diagnostics = new DigestDiagnostics { Feeds = [], Dropped = [] } };
    }
}
