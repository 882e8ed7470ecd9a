namespace NewsPerspectives.Archive.Tests.Sqlite;

/// <summary>The archive contract on SQLite: each archive a new file in a temporary folder.</summary>
public sealed class SqliteStoryArchiveTests : StoryArchiveConformanceTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-archive-").FullName;

    protected override IStoryArchive CreateArchive(StoryContinuationOptions? continuation = null)
    {
        var options = new SqliteStoryArchiveOptions { Path = Path.Combine(_folder, $"{Guid.NewGuid():N}.db") };
        if (continuation is not null)
        {
            options.Continuation.WindowDays = continuation.WindowDays;
            options.Continuation.MinScore = continuation.MinScore;
            options.Continuation.SignatureTerms = continuation.SignatureTerms;
        }

        return new SqliteStoryArchive(options);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
