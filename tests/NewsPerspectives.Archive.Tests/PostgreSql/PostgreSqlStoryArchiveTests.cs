namespace NewsPerspectives.Archive.Tests.PostgreSql;

/// <summary>The archive contract on a real PostgreSQL server: each archive in a schema of its own.</summary>
[Collection(PostgreSqlTests.Name)]
[RequiresPostgreSql]
public sealed class PostgreSqlStoryArchiveTests(PostgreSqlServer server) : StoryArchiveConformanceTests
{
    protected override IStoryArchive CreateArchive(Action<StoryContinuationOptions>? continuation = null)
    {
        var options = new PostgreSqlStoryArchiveOptions { ConnectionString = server.ConnectionString, Schema = server.NewSchema() };
        continuation?.Invoke(options.Continuation);

        return new PostgreSqlStoryArchive(options);
    }
}
