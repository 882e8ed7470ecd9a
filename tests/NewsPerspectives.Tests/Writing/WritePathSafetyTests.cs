namespace NewsPerspectives.Tests.Writing;

/// <summary>
/// The placing of output files: leftover temp files of a killed run are removed under the lock, a symlinked folder
/// inside the output root is never written through, and a lock that cannot be taken says why.
/// </summary>
public sealed class WritePathSafetyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("np-place-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TakingTheLock_RemovesTempFilesLeftByAKilledRun_AndNothingElse()
    {
        var posts = Directory.CreateDirectory(Path.Combine(_root, "content", "summaries", "t")).FullName;
        var leftover = Path.Combine(posts, $".2026-01-12.md.{Guid.NewGuid():N}.tmp");
        var nested = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "digests", "t")).FullName, $".2026-01-12.json.{Guid.NewGuid():N}.tmp");
        string[] kept = [Path.Combine(posts, "2026-01-12.md"), Path.Combine(posts, ".keep"), Path.Combine(posts, "notes.tmp"), Path.Combine(posts, ".x.md.not-a-guid.tmp")];
        foreach (var file in kept.Append(leftover).Append(nested))
        {
            File.WriteAllText(file, "x");
        }

        using (var outputLock = OutputFolderLock.Acquire(_root))
        {
            Assert.Equal(new[] { nested, leftover }.Order(StringComparer.Ordinal), outputLock.RemovedTempFiles);
        }

        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(nested));
        Assert.All(kept, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public async Task SymlinkedTopicFolderInsideTheRoot_IsRefused_AndItsTargetUntouched()
    {
        var outside = Directory.CreateTempSubdirectory("np-outside-").FullName;
        try
        {
            var run = DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
            var writer = new HugoMarkdownWriter();
            var relative = writer.GetRelativePath(run.Digest);
            var topicFolder = Path.GetDirectoryName(OutputPaths.Resolve(_root, relative))!;
            Directory.CreateDirectory(Path.GetDirectoryName(topicFolder)!);
            Directory.CreateSymbolicLink(topicFolder, outside);

            var ex = await Assert.ThrowsAsync<NewsPerspectivesException>(() => DigestFileStore.WriteAsync(run, writer, _root));
            Assert.Contains("symbolic link", ex.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(outside));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task SymlinkedPostFile_IsReplacedByTheNewPost_ItsTargetUntouched()
    {
        var outside = Path.Combine(Directory.CreateTempSubdirectory("np-outside-").FullName, "victim.txt");
        try
        {
            File.WriteAllText(outside, "victim");
            var run = DigestFixtures.Run("A", [("t", "o", "https://a.example/")]);
            var writer = new HugoMarkdownWriter();
            var path = OutputPaths.Resolve(_root, writer.GetRelativePath(run.Digest));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, outside);

            await DigestFileStore.WriteAsync(run, writer, _root);
            Assert.Null(new FileInfo(path).LinkTarget);
            Assert.Equal("victim", File.ReadAllText(outside));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outside)!, recursive: true);
        }
    }

    [Fact]
    public void LockOnAPathThatIsAFile_SaysSo_NotAnotherRun()
    {
        var file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "x");
        var ex = Assert.Throws<NewsPerspectivesException>(() => OutputFolderLock.Acquire(file));
        Assert.DoesNotContain("another run", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is a file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proc/np-output")]
    [InlineData("/proc/self/status/np-output")]
    public void LockOnAFolderThatCannotBeCreated_GivesTheSystemsReason_NotAnotherRun(string path)
    {
        var ex = Assert.Throws<NewsPerspectivesException>(() => OutputFolderLock.Acquire(path));
        Assert.DoesNotContain("another run", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void LockHeldByAnotherRun_StillSaysSo()
    {
        using var first = OutputFolderLock.Acquire(_root);
        var ex = Assert.Throws<NewsPerspectivesException>(() => OutputFolderLock.Acquire(_root));
        Assert.Contains("another run is writing to", ex.Message, StringComparison.Ordinal);
    }
}
