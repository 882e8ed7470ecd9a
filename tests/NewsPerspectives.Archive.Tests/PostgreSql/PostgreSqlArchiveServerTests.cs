using Npgsql;
using static NewsPerspectives.Archive.Tests.ArchiveRuns;

namespace NewsPerspectives.Archive.Tests.PostgreSql;

/// <summary>What only the server shows: upgrading a version 1 schema, concurrent writers, schemas side by side.</summary>
[Collection(PostgreSqlTests.Name)]
[RequiresPostgreSql]
public sealed class PostgreSqlArchiveServerTests(PostgreSqlServer server)
{
    private async Task<List<string>> ColumnAsync(string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private PostgreSqlStoryArchive Archive(string schema) => new(new PostgreSqlStoryArchiveOptions { ConnectionString = server.ConnectionString, Schema = schema });

    private static string Shape => "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position";

    [ArchiveFact]
    public async Task AVersion1Schema_IsUpgradedInPlace_KeepsItsStories_AndCountsItsTerms()
    {
        var schema = server.NewSchema();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}; SET search_path TO {schema}; " + await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "postgresql-v1.sql")), connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var archive = Archive(schema);
        var history = await archive.GetHistoryAsync("china-japan/2026-01-10/a1");
        Assert.Equal(["a1", "b1"], history!.Days.Select(d => Assert.Single(d.StoryIds)));
        Assert.Equal(["1", "2"], await ColumnAsync(schema, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(["2"], await ColumnAsync(schema, "SELECT df FROM term_counts WHERE term = 'china'"));

        var day3 = await archive.RecordAsync(Run("china-japan", Day1.AddDays(2), [China("c1", "Japan and China end rare earth export talks in Tokyo"), .. Filler(3, 4)]));
        Assert.True(day3[0].IsContinuation);
        Assert.Equal(3, day3[0].DaysRun);

        var fresh = server.NewSchema();
        await using (var other = Archive(fresh))
        {
            await other.GetHistoryAsync("none");
        }

        Assert.Equal(await ColumnAsync(fresh, Shape), await ColumnAsync(schema, Shape));
    }

    [ArchiveFact]
    public async Task ConcurrentWriters_OnOneSchema_TakeTurns_AndLoseNothing()
    {
        var schema = server.NewSchema();
        const int days = 12;
        var topics = new[] { "alpha-beta", "gamma-delta", "epsilon-zeta", "eta-theta" };

        // One archive instance (one connection pool) per writer, as separate hosts would have.
        var writers = topics.Select(async (topic, t) =>
        {
            await using var archive = Archive(schema);
            for (int d = 0; d < days; d++)
            {
                var stories = Enumerable.Range(0, 20).Select(k => Both($"s{k}", $"{Word((t * 100) + k)} {Word((t * 100) + k + 50_000)} summit talks")).ToArray();
                await archive.RecordAsync(Run(topic, Day1.AddDays(d), stories));
            }
        }).ToArray();
        await Task.WhenAll(writers);

        await using var reader = Archive(schema);
        foreach (var topic in topics)
        {
            for (int k = 0; k < 20; k++)
            {
                Assert.Equal(days, (await reader.GetHistoryAsync($"{topic}/2026-01-10/s{k}"))!.Days.Count);
            }
        }

        Assert.Equal([(topics.Length * days * 20).ToString(System.Globalization.CultureInfo.InvariantCulture)], await ColumnAsync(schema, "SELECT COUNT(*) FROM appearances"));
        Assert.Equal(["1", "2"], await ColumnAsync(schema, "SELECT version FROM schema_version ORDER BY version"));
    }

    [ArchiveFact]
    public async Task TwoSchemas_AreTwoArchives()
    {
        await using var first = Archive(server.NewSchema());
        await using var second = Archive(server.NewSchema());
        await first.RecordAsync(Run("t", Day1, [Both("a", "Japan and China hold rare earth export talks in Tokyo"), .. Filler(1, 3)]));
        Assert.Null(await second.GetHistoryAsync("t/2026-01-10/a"));
        Assert.False((await second.RecordAsync(Run("t", Day1.AddDays(1), Both("b", "Japan and China hold rare earth export talks in Tokyo"))))[0].IsContinuation);
    }

    [Fact]
    public void AnInvalidSchemaName_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlStoryArchive(new PostgreSqlStoryArchiveOptions { ConnectionString = "Host=localhost", Schema = "x; DROP SCHEMA public" }));
        Assert.Contains("x; DROP SCHEMA public", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PostgreSqlStoryArchive(new PostgreSqlStoryArchiveOptions { ConnectionString = "" }));
    }
}
