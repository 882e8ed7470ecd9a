namespace NewsPerspectives.Archive.Tests.Sqlite;

/// <summary>The archive contract on SQLite: each archive a new file in a temporary folder.</summary>
public sealed class SqliteStoryArchiveTests : StoryArchiveConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-archive-").FullName;

    protected override IStoryArchive CreateArchive(Action<StoryContinuationOptions>? continuation = null)
    {
        var options = new SqliteStoryArchiveOptions { Path = Path.Combine(_folder, $"{Guid.NewGuid():N}.db") };
        continuation?.Invoke(options.Continuation);

        return new SqliteStoryArchive(options);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
