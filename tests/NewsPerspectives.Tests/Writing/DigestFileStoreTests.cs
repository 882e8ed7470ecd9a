namespace NewsPerspectives.Tests.Writing;

public sealed class DigestFileStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class FailingWriter(string relativePath) : IDigestWriter
    {
        public string Format => "failing";

        public string GetRelativePath(Digest digest) => relativePath;

        public async Task WriteAsync(DigestRun run, Stream destination, CancellationToken cancellationToken = default)
        {
            await destination.WriteAsync("half a post"u8.ToArray(), cancellationToken);
            throw new IOException("disk full");
        }
    }

    [Fact]
    public async Task FailedWrite_LeavesTheOldPostIntact_AndNoTempFiles()
    {
        var run = DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
        var path = await DigestFileStore.WriteAsync(run, new HugoMarkdownWriter(), _root);
        var before = File.ReadAllText(path);

        var relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
        var ex = await Assert.ThrowsAsync<NewsPerspectivesException>(() => DigestFileStore.WriteAsync(run, new FailingWriter(relative), _root));
        Assert.Contains("disk full", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Theory]
    [InlineData("../../escape.md")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b.md")]
    public async Task PathsOutsideTheRoot_AreRefused(string relative)
    {
        var run = DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
        await Assert.ThrowsAsync<NewsPerspectivesException>(() => DigestFileStore.WriteAsync(run, new FailingWriter(relative), _root));
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
}
