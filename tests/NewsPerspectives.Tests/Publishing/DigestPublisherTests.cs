using NewsPerspectives.Tests.Formatting;

namespace NewsPerspectives.Tests.Publishing;

public sealed class DigestPublisherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-publish-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Writes half a post, then fails like a full disk.</summary>
    private sealed class FailingFormatter(string format = "markdown", string extension = "md") : IDigestFormatter
    {
        public string Format => format;

        public string FileExtension => extension;

        public async Task FormatAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
        {
            await destination.WriteAsync("half a post"u8.ToArray(), cancellationToken);
            throw new IOException("disk full");
        }
    }

    private static DigestRun Run(string topicId = "alpha-beta") => DigestFixtures.Run("A", [("t", "o", "https://a.example/")], topicId);

    [Fact]
    public async Task EveryFormatGoesToItsFolder_ByTopicAndDate()
    {
        var publisher = new DigestPublisher([new HugoMarkdownFormatter(), new JsonDigestFormatter(), new HtmlDigestFormatter()]);
        using var publication = publisher.Open(_root);

        var files = await publication.PublishAsync(Run());

        Assert.Equal(["content/summaries/alpha-beta/2026-01-12.md", "digests/alpha-beta/2026-01-12.json", "html/alpha-beta/2026-01-12.html"], files.Select(f => f.RelativePath));
        Assert.All(files, f => Assert.Equal(PublishOutcome.Written, f.Outcome));
        Assert.All(files, f => Assert.True(File.Exists(f.FullPath)));
        Assert.Equal(await TestPipeline.RenderAsync(new HugoMarkdownFormatter(), Run()), File.ReadAllText(files[0].FullPath!));
    }

    [Fact]
    public async Task Folders_ComeFromTheOptions_AndOnlyTheChosenFormatsAreWritten()
    {
        var options = new DigestPublisherOptions();
        options.Folders["markdown"] = "site/posts/";
        var publisher = new DigestPublisher([new HugoMarkdownFormatter(), new JsonDigestFormatter()], options);
        using var publication = publisher.Open(_root, ["MARKDOWN"]);

        var file = Assert.Single(await publication.PublishAsync(Run()));

        Assert.Equal("site/posts/alpha-beta/2026-01-12.md", file.RelativePath);
        Assert.False(Directory.Exists(Path.Combine(_root, "digests")));
        Assert.Equal(["markdown", "json"], publisher.Formats);
    }

    [Fact]
    public void UnknownFormats_AndUnsafeFolders_AreRefusedUpFront()
    {
        var publisher = new DigestPublisher([new HugoMarkdownFormatter()]);
        var ex = Assert.Throws<ArgumentException>(() => publisher.Open(_root, ["pdf"]));
        Assert.Contains("unknown format 'pdf' (known: markdown)", ex.Message, StringComparison.Ordinal);

        foreach (var folder in new[] { "", "/", "../out", "a/../../b", "/etc" })
        {
            var options = new DigestPublisherOptions();
            options.Folders["markdown"] = folder;
            Assert.Throws<ArgumentException>(() => new DigestPublisher([new HugoMarkdownFormatter()], options));
        }
    }

    [Fact]
    public async Task FailedWrite_LeavesTheOldPostIntact_NoTempFiles_AndIsReportedNotThrown()
    {
        string path;
        using (var publication = new DigestPublisher([new HugoMarkdownFormatter()]).Open(_root))
        {
            path = Assert.Single(await publication.PublishAsync(Run())).FullPath!;
        }

        var before = File.ReadAllText(path);
        using (var publication = new DigestPublisher([new FailingFormatter(), new JsonDigestFormatter()]).Open(_root))
        {
            var files = await publication.PublishAsync(Run());

            Assert.Equal(PublishOutcome.Failed, files[0].Outcome);
            Assert.Contains("disk full", files[0].Error, StringComparison.Ordinal);
            Assert.Equal(PublishOutcome.Written, files[1].Outcome); // the other format is still written
        }

        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void ASecondRunOnTheSameRoot_GetsAClearError_UntilTheFirstReleasesTheLock()
    {
        var publisher = new DigestPublisher([new HugoMarkdownFormatter()]);
        using (publisher.Open(_root))
        {
            var ex = Assert.Throws<NewsPerspectivesException>(() => publisher.Open(_root));
            Assert.Contains("another run is writing to", ex.Message, StringComparison.Ordinal);
        }

        using var again = publisher.Open(_root);
        Assert.False(File.Exists(Path.Combine(_root, "content")));
    }

    [Fact]
    public async Task APublicationCannotBeUsedAfterItIsDisposed()
    {
        var publication = new DigestPublisher([new HugoMarkdownFormatter()]).Open(_root);
        publication.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => publication.PublishAsync(Run()));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("CON")]
    [InlineData("/abs")]
    public async Task HostileTopicIds_StayInsideTheRoot(string topicId)
    {
        using var publication = new DigestPublisher([new HugoMarkdownFormatter()]).Open(_root);
        var file = Assert.Single(await publication.PublishAsync(Run(topicId)));
        Assert.Equal(PublishOutcome.Written, file.Outcome);
        Assert.StartsWith(Path.Combine(_root, "content", "summaries") + Path.DirectorySeparatorChar, file.FullPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("china-japan", "china-japan")]
    [InlineData("../../x", "x-")]
    [InlineData("CON", "con-")]
    [InlineData("_index", "index-")]
    [InlineData("/abs", "abs-")]
    public void Segment_IsASafeSlug(string id, string prefix)
    {
        var segment = OutputPaths.Segment(id);
        Assert.StartsWith(prefix, segment, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9-]+$", segment);
        Assert.True(segment.Length <= 64);
    }

    [Fact]
    public void Segment_LongIdsAreCappedAndStayDistinct()
    {
        var a = OutputPaths.Segment(new string('a', 300));
        var b = OutputPaths.Segment(new string('a', 299) + "b");
        Assert.True(a.Length <= 64);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("../../escape.md")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b.md")]
    public void Resolve_RefusesPathsOutsideTheRoot(string relative) =>
        Assert.Throws<NewsPerspectivesException>(() => OutputPaths.Resolve(_rootStatic, relative));

    private static readonly string _rootStatic = Path.GetTempPath();
}
