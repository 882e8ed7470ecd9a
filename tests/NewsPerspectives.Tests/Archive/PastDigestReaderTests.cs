namespace NewsPerspectives.Tests.Archive;

/// <summary>Reading past digests back for the archive's back-fill: the golden JSON digest and the seed's own post.</summary>
public sealed class PastDigestReaderTests
{
    [Fact]
    public void TheGoldenJsonDigest_GivesItsStories_AsTheJsonWriterWroteThem()
    {
        var path = Path.Combine(TestPaths.TestData, "golden", "expected", "alpha-beta.json");

        var digest = PastDigestReader.Read(path, out var problem);

        Assert.Null(problem);
        Assert.Equal("alpha-beta", digest!.Topic.Id);
        Assert.Equal(["alpha", "beta"], digest.Topic.Sides.Select(s => s.Id));
        Assert.Equal(new DateOnly(2026, 1, 12), digest.Date);
        Assert.Equal(4, digest.Articles.Count);
        var stories = digest.Stories!;
        Assert.Equal(["story-f334a72177ae", "story-fb92121fa3da"], stories.Select(s => s.Id));
        var talks = stories[0];
        Assert.Equal("Alpha and Beta agree on rare earth export talks", talks.Headline);
        Assert.Equal([("alpha", 2), ("beta", 1)], talks.Coverage.Select(c => (c.SideId, c.Articles)));
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), talks.Coverage[0].FirstPublished);
        Assert.Equal(["Alpha Daily", "Alpha Times", "Beta Herald"], talks.Outlets);
        Assert.Contains("rare", talks.Terms);
        Assert.Equal(["alpha"], stories[1].Coverage.Select(c => c.SideId)); // "beta": 0 is no coverage
    }

    [Fact]
    public void TheSeedsPost_GivesItsSourcesBySide_WithTheirDays()
    {
        var digest = PastDigestReader.Read(Path.Combine(TestPaths.TestData, "seed", "china-japan-2026-01-12.md"), out var problem);

        Assert.Null(problem);
        Assert.Equal("china-japan", digest!.Topic.Id);
        Assert.Equal("China vs Japan", digest.Topic.Name);
        Assert.Equal(new DateOnly(2026, 1, 12), digest.Date);
        Assert.Null(digest.Stories);
        Assert.Equal(20, digest.Articles.Count);
        Assert.Equal(10, digest.Articles.Count(a => a.SideId == "china"));
        Assert.Equal("Trump says Iran \"starting to\" cross U.S. red lines, citing reports of civilian deaths", digest.Articles[0].Article.Title);
        Assert.Equal("news.cgtn.com", digest.Articles[0].Article.Outlet);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 0, 0, 0, TimeSpan.Zero), digest.Articles[0].Article.Published);
        Assert.Equal("japan", digest.Articles[19].SideId);
    }

    [Theory]
    [InlineData("note.md", "# Just a note\n", "no front matter")]
    [InlineData("other.json", "{\"schema\": \"something/else\"}", "not a NewsPerspectives JSON digest")]
    [InlineData("broken.json", "{ not json", "")]
    [InlineData("page.md", "---\ntitle: \"About\"\n---\nHello\n", "without topic and date")]
    public void FilesThatAreNotDigests_SayWhy(string name, string text, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("np-past-").FullName;
        try
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            Assert.Null(PastDigestReader.Read(path, out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
