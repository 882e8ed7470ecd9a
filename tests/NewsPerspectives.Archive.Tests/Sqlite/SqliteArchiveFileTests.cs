using Microsoft.Data.Sqlite;
using static NewsPerspectives.Archive.Tests.ArchiveRuns;

namespace NewsPerspectives.Archive.Tests.Sqlite;

/// <summary>What only the SQLite file shows: schema upgrades, write-ahead logging, crashes, two processes, space.</summary>
public sealed class SqliteArchiveFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-archive-file-").FullName;

    private string NewPath() => Path.Combine(_folder, $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SqliteConnection Raw(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Tables, their columns and the indexes, as one comparable list.</summary>
    private static List<string> Shape(string path)
    {
        using var connection = Raw(path);
        var shape = Column(connection, "SELECT type || ' ' || name || ' on ' || tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
        foreach (var table in Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            shape.AddRange(Column(connection, $"SELECT '{table}.' || name || ' ' || type || ' ' || \"notnull\" || ' ' || pk FROM pragma_table_info('{table}') ORDER BY cid"));
        }

        return shape;
    }

    [Fact]
    public async Task AVersion1File_IsUpgradedInPlace_KeepsItsStories_AndCountsItsTerms()
    {
        var path = NewPath();
        using (var connection = Raw(path))
        {
            Execute(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sqlite-v1.sql")));
        }

        await using (var archive = new SqliteStoryArchive(path))
        {
            var history = await archive.GetHistoryAsync("china-japan/2026-01-10/a1");
            Assert.Equal(["a1", "b1"], history!.Days.Select(d => Assert.Single(d.StoryIds)));
            Assert.Equal(0.61, history.Days[1].Score);
            Assert.Equal(["china", "japan"], history.Sides.Select(s => s.SideId)); // side order of the runs, not of first coverage

            using (var connection = Raw(path))
            {
                Assert.Equal(["1", "2"], Column(connection, "SELECT version FROM schema_version ORDER BY version"));
                Assert.Equal(["2"], Column(connection, "SELECT df FROM term_counts WHERE term = 'china'"));
                Assert.Equal(["1"], Column(connection, "SELECT df FROM term_counts WHERE term = 'typhoon'"));
            }

            // The upgraded file works like a new one: the talks story continues on its third day.
            var day3 = await archive.RecordAsync(Run("china-japan", Day1.AddDays(2), [China("c1", "Japan and China end rare earth export talks in Tokyo"), .. Filler(3, 4)]));
            Assert.True(day3[0].IsContinuation);
            Assert.Equal("china-japan/2026-01-10/a1", day3[0].ArchivedStoryId);
            Assert.Equal(3, day3[0].DaysRun);
        }

        var fresh = NewPath();
        await using (var archive = new SqliteStoryArchive(fresh))
        {
            await archive.GetHistoryAsync("none");
        }

        Assert.Equal(Shape(fresh), Shape(path));
    }

    [Fact]
    public async Task AFileOfANewerSchema_IsRefused_NamingBothVersions()
    {
        var path = NewPath();
        await using (var archive = new SqliteStoryArchive(path))
        {
            await archive.RecordAsync(Run("t", Day1, China("a", "Rare earth talks")));
        }

        using (var connection = Raw(path))
        {
            Execute(connection, "INSERT INTO schema_version (version, description) VALUES (99, 'from the future')");
        }

        await using var newer = new SqliteStoryArchive(path);
        var error = await Assert.ThrowsAsync<NewsPerspectivesException>(() => newer.GetHistoryAsync("t/2026-01-10/a"));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {newer.SchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFile_UsesWriteAheadLogging_AndTheLatestSchema()
    {
        var path = NewPath();
        await using var archive = new SqliteStoryArchive(path);
        await archive.RecordAsync(Run("t", Day1, China("a", "Rare earth talks")));
        using var connection = Raw(path);
        Assert.Equal(["wal"], Column(connection, "PRAGMA journal_mode"));
        Assert.Equal([archive.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], Column(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(2, archive.SchemaVersion);
    }

    [Fact]
    public async Task AFileThatIsNotAnArchive_FailsClearly_NamingIt()
    {
        var path = NewPath();
        await File.WriteAllTextAsync(path, "this is not a database, it is a note about one");
        await using var archive = new SqliteStoryArchive(path);
        var error = await Assert.ThrowsAsync<NewsPerspectivesException>(() => archive.GetHistoryAsync("t/2026-01-10/a"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("this is not a database, it is a note about one", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AWriterKilledMidRun_LeavesThePreviousDayComplete_AndTheFileReadable()
    {
        var path = NewPath();
        using var child = ChildProcess.StartWriter("crash", path);
        await child.WaitUntilAsync(() => child.HasPrinted("writing"), TimeSpan.FromMinutes(2), "the writer starting its second day");

        // Kill it once the uncommitted day has spilled pages into the write-ahead log: provably mid-write.
        var wal = path + "-wal";
        await child.WaitUntilAsync(() => File.Exists(wal) && new FileInfo(wal).Length > 4 * 1024 * 1024, TimeSpan.FromMinutes(3), "the second day's pages in the log");
        child.Kill();
        Assert.False(child.HasPrinted("finished"), "the writer finished before it was killed; the test proved nothing");

        await using var archive = new SqliteStoryArchive(path);
        for (int k = 0; k < 30; k++)
        {
            var history = await archive.GetHistoryAsync($"crash/2026-01-01/s{k}");
            Assert.NotNull(history);
            Assert.Equal([new DateOnly(2026, 1, 1)], history.Days.Select(d => d.Date));
        }

        Assert.Null(await archive.GetHistoryAsync("crash/2026-01-02/s30"));
        using (var connection = Raw(path))
        {
            Assert.Equal(["ok"], Column(connection, "PRAGMA integrity_check"));
            Assert.Equal(["30"], Column(connection, "SELECT COUNT(*) FROM appearances"));
        }

        // And the day can be recorded now: it continues the first day's stories.
        var day2 = await archive.RecordAsync(Run("crash", new DateOnly(2026, 1, 2), new StorySnapshot { Id = "s0", Headline = $"{Word(0)} {Word(1_000_000)} {Word(2_000_000)} talks" }));
        Assert.True(day2[0].IsContinuation);
    }

    [Fact]
    public async Task TwoProcessesWritingOneFile_BothFinish_AndNothingIsLostOrCorrupt()
    {
        var path = NewPath();
        const int days = 25;
        using var first = ChildProcess.StartWriter("write", path, "alpha-beta", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "40");
        using var second = ChildProcess.StartWriter("write", path, "gamma-delta", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "40");

        // A reader in this process meanwhile: never blocked, never sees a half-written day.
        await using var archive = new SqliteStoryArchive(path);
        var reads = 0;
        while (!first.Process.HasExited || !second.Process.HasExited)
        {
            var history = await archive.GetHistoryAsync("alpha-beta/2026-01-01/s0");
            if (history is not null)
            {
                Assert.Equal(Enumerable.Range(0, history.Days.Count).Select(d => new DateOnly(2026, 1, 1).AddDays(d)), history.Days.Select(d => d.Date));
                reads++;
            }

            await Task.Delay(10);
        }

        Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromMinutes(3)));
        Assert.True(first.HasPrinted("done") && second.HasPrinted("done"), first.Error + second.Error);
        foreach (var topic in new[] { "alpha-beta", "gamma-delta" })
        {
            for (int k = 0; k < 40; k++)
            {
                var history = await archive.GetHistoryAsync($"{topic}/2026-01-01/s{k}");
                Assert.Equal(days, history!.Days.Count);
            }
        }

        using var connection = Raw(path);
        Assert.Equal(["ok"], Column(connection, "PRAGMA integrity_check"));
        Assert.Equal([(2 * days * 40).ToString(System.Globalization.CultureInfo.InvariantCulture)], Column(connection, "SELECT COUNT(*) FROM appearances"));
        Assert.True(reads > 0, "the reader never saw the archive while it was written");
    }

    private static long WalLength(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;

    [Fact]
    public async Task PruneThenVacuum_GivesTheSpaceBack()
    {
        var path = NewPath();
        await using var archive = new SqliteStoryArchive(path);
        for (int d = 0; d < 20; d++)
        {
            await archive.RecordAsync(Run("t", Day1.AddDays(d), Filler(d, 300)));
        }

        await archive.VacuumAsync();
        long before = new FileInfo(path).Length + WalLength(path);
        Assert.Equal(19 * 300, await archive.PruneAsync(Day1.AddDays(19)));
        await archive.VacuumAsync();
        long after = new FileInfo(path).Length + WalLength(path);

        Assert.True(after < before / 4, $"{before} bytes before, {after} after keeping 1 day of 20");
        Assert.NotNull(await archive.GetHistoryAsync("t/2026-01-29/f19-0"));
        Assert.Null(await archive.GetHistoryAsync("t/2026-01-10/f0-0"));
    }
}
