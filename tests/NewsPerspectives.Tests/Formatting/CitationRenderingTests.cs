using System.Text;
using System.Text.Json;
using NewsPerspectives.Tests.Summarization;

namespace NewsPerspectives.Tests.Formatting;

/// <summary>Citations in the output: the Hugo post and the JSON carry each bullet's source numbers; a switch reproduces the seed's citation-free bullets.</summary>
public sealed class CitationRenderingTests
{
    private static readonly string SeedPost = File.ReadAllText(Path.Combine(TestPaths.TestData, "Summarization", "seed-china-japan-2026-01-12.md"));

    /// <summary>The seed post's bullet sections: from "## Overall Highlights" up to "## Sources".</summary>
    private static string BulletSections(string post)
    {
        int start = post.IndexOf("## Overall Highlights", StringComparison.Ordinal);
        int end = post.IndexOf("## Sources", StringComparison.Ordinal);
        return post[start..end];
    }

    /// <summary>The bullets under a heading of the seed post.</summary>
    private static string[] Bullets(string post, string heading)
    {
        var section = post[(post.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..];
        return section.Split('\n').SkipWhile(l => !l.StartsWith("- ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToArray();
    }

    /// <summary>A digest whose bullets are the seed post's, each citing two of twenty sources.</summary>
    private static Digest SeedDigest()
    {
        var topic = new TopicDefinition
        {
            Id = "china-japan",
            Name = "China vs Japan",
            Sides = [new SideDefinition { Id = "china", Name = "China" }, new SideDefinition { Id = "japan", Name = "Japan" }],
            Feeds = [new FeedDefinition { Kind = FeedKind.File, Location = "china.xml", Side = "china" }, new FeedDefinition { Kind = FeedKind.File, Location = "japan.xml", Side = "japan" }],
        };
        var sources = SummaryTestData.Sources(topic, Enumerable.Range(1, 20)
            .Select(i => new SummaryTestData.Spec(i <= 10 ? "china" : "japan", i <= 10 ? "China Daily" : "The Japan Times", $"Headline {i}"))
            .ToArray());
        int next = 0;
        SummaryBullet[] Cite(string[] texts) => texts.Select(t => new SummaryBullet { Text = t, Citations = [next % 20 + 1, (next++ + 7) % 20 + 1] }).Select(b => new SummaryBullet { Text = b.Text, Citations = b.Citations.Order().ToArray() }).ToArray();
        return new Digest
        {
            Topic = topic,
            GeneratedAt = SummaryTestData.AsOf,
            Sources = sources,
            Highlights = Cite(Bullets(SeedPost, "## Overall Highlights")),
            Sides =
            [
                new SideDigest { Side = topic.Sides[0], Count = 10, Found = 10, Bullets = Cite(Bullets(SeedPost, "## China Perspective (China Sources)")) },
                new SideDigest { Side = topic.Sides[1], Count = 10, Found = 10, Bullets = Cite(Bullets(SeedPost, "## Japan Perspective (Japan Sources)")) },
            ],
        };
    }

    [Fact]
    public void Hugo_WithCitationsOff_ReproducesTheSeedsBulletSectionsExactly()
    {
        var digest = SeedDigest();
        Assert.Equal(5, digest.Highlights.Count);

        var post = new HugoMarkdownFormatter(new HugoMarkdownFormatterOptions { IncludeCitations = false }).Render(digest);

        Assert.Equal(BulletSections(SeedPost), BulletSections(post));
    }

    [Fact]
    public void Hugo_WithCitationsOn_AppendsEachBulletsSourceNumbers()
    {
        var digest = SeedDigest();

        var post = new HugoMarkdownFormatter().Render(digest);

        var expected = new StringBuilder();
        var seedLines = BulletSections(SeedPost).Split('\n');
        var bullets = digest.Highlights.Concat(digest.Sides.SelectMany(s => s.Bullets)).GetEnumerator();
        foreach (var line in seedLines)
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                Assert.True(bullets.MoveNext());
                expected.Append(line).Append(" [").AppendJoin(", ", bullets.Current.Citations).Append(']');
            }
            else
            {
                expected.Append(line);
            }

            expected.Append('\n');
        }

        Assert.Equal(expected.ToString()[..^1], BulletSections(post));
        Assert.Contains("- Japan is advancing its rare earth extraction capabilities with a new deep-sea project, which may impact its economic competition with China. [1, 8]\n", post, StringComparison.Ordinal);
        // The cited numbers are the numbered source list's.
        Assert.Contains("\n1. [Headline 1](https://example.org/1) - China Daily (1/12/2026)\n", post, StringComparison.Ordinal);
        Assert.Contains("\n8. [Headline 8](https://example.org/8) - China Daily (1/12/2026)\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_CarriesEachBulletsCitations()
    {
        var digest = SeedDigest();
        var run = new DigestRun { Digest = digest, Diagnostics = new DigestDiagnostics { Feeds = [], Dropped = [], Notes = [] } };
        using var stream = new MemoryStream();

        await new JsonDigestFormatter().FormatAsync(run, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var highlights = json.RootElement.GetProperty("highlights").EnumerateArray().ToArray();
        Assert.Equal(digest.Highlights.Count, highlights.Length);
        for (int i = 0; i < highlights.Length; i++)
        {
            Assert.Equal(digest.Highlights[i].Text, highlights[i].GetProperty("text").GetString());
            Assert.Equal(digest.Highlights[i].Citations, highlights[i].GetProperty("citations").EnumerateArray().Select(e => e.GetInt32()));
        }

        var perspectives = json.RootElement.GetProperty("perspectives").EnumerateArray().ToArray();
        Assert.Equal(digest.Sides.Count, perspectives.Length);
        for (int p = 0; p < perspectives.Length; p++)
        {
            var bullets = perspectives[p].GetProperty("bullets").EnumerateArray().ToArray();
            Assert.Equal(digest.Sides[p].Bullets.Select(b => b.Text), bullets.Select(b => b.GetProperty("text").GetString()));
            Assert.Equal(
                digest.Sides[p].Bullets.Select(b => string.Join(",", b.Citations)),
                bullets.Select(b => string.Join(",", b.GetProperty("citations").EnumerateArray().Select(e => e.GetInt32()))));
        }
    }
}
