using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Archive.Tests;

public sealed class StoryArchiveRegistrationTests
{
    [Fact]
    public async Task UseSqliteStoryArchive_RegistersOneArchive_AsArchiveAndMaintenance()
    {
        var folder = Directory.CreateTempSubdirectory("np-di-").FullName;
        try
        {
            var services = new ServiceCollection();
            services.AddNewsPerspectives().UseSqliteStoryArchive(Path.Combine(folder, "a.db"), o => o.Continuation.WindowDays = 5);
            await using (var provider = services.BuildServiceProvider())
            {
                var archive = Assert.IsType<SqliteStoryArchive>(provider.GetRequiredService<IStoryArchive>());
                Assert.Same(archive, provider.GetRequiredService<IStoryArchiveMaintenance>());
                Assert.Equal(5, archive.Continuation.WindowDays);
                Assert.Equal(Path.Combine(folder, "a.db"), archive.Path);
            }

            Assert.Throws<ArgumentException>(() => new ServiceCollection().AddNewsPerspectives().UseSqliteStoryArchive(" "));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UsePostgreSqlStoryArchive_RegistersTheArchiveInItsSchema_WithoutConnecting()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives().UsePostgreSqlStoryArchive("Host=127.0.0.1;Port=1;Database=none", o => o.Schema = "staging");
        await using var provider = services.BuildServiceProvider();
        Assert.Equal("staging", Assert.IsType<PostgreSqlStoryArchive>(provider.GetRequiredService<IStoryArchive>()).Schema);
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddNewsPerspectives().UsePostgreSqlStoryArchive("Host=x", o => o.Schema = "Bad Name"));
    }

    [Fact]
    public async Task UseStoryArchive_TakesAnyImplementation_AndSaysWhenItHasNoMaintenance()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives().UseStoryArchive<ReadOnlyArchive>();
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<ReadOnlyArchive>(provider.GetRequiredService<IStoryArchive>());
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStoryArchiveMaintenance>());
        Assert.Contains(nameof(ReadOnlyArchive), error.Message, StringComparison.Ordinal);
    }

    private sealed class ReadOnlyArchive : IStoryArchive
    {
        public Task<IReadOnlyList<RecordedStory>> RecordAsync(StoryArchiveRun run, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<StoryContinuation>> FindContinuationsAsync(StoryArchiveRun run, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoryContinuation>>([]);

        public Task<StoryHistory?> GetHistoryAsync(string archivedStoryId, CancellationToken cancellationToken = default) => Task.FromResult<StoryHistory?>(null);
    }
}
