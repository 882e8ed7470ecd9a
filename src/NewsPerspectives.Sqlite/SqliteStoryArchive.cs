using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsPerspectives;

/// <summary>
/// The embedded story archive: one SQLite file. Write-ahead logging lets readers go on while a run is recorded and
/// two processes share the file (a writer waits up to <see cref="SqliteStoryArchiveOptions.BusyTimeout"/> for the
/// other); each run is one <c>BEGIN IMMEDIATE</c> transaction, so a crash mid-run leaves the previous day intact.
/// </summary>
/// <remarks>The schema is versioned (<c>schema_version</c>); opening an older file upgrades it in place, in one transaction.</remarks>
public sealed class SqliteStoryArchive : SqlStoryArchive, IAsyncDisposable, IDisposable
{
    private static readonly StoryArchiveMigration[] Steps =
    [
        new()
        {
            Version = 1,
            Description = "topics, runs, stories, appearances, coverage and term postings",
            Statements =
            [
                "CREATE TABLE topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
                "CREATE TABLE runs (topic_id INTEGER NOT NULL REFERENCES topics (id), day INTEGER NOT NULL, sides TEXT NOT NULL, PRIMARY KEY (topic_id, day)) WITHOUT ROWID",
                "CREATE TABLE stories (id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL REFERENCES topics (id), key TEXT NOT NULL UNIQUE, first_day INTEGER NOT NULL)",
                "CREATE INDEX stories_topic_first_day ON stories (topic_id, first_day)",
                "CREATE TABLE appearances (id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL REFERENCES stories (id), topic_id INTEGER NOT NULL, day INTEGER NOT NULL, " +
                    "daily_id TEXT NOT NULL, headline TEXT NOT NULL, terms TEXT NOT NULL, outlets TEXT NOT NULL, score REAL, UNIQUE (topic_id, day, daily_id))",
                "CREATE INDEX appearances_story_day ON appearances (story_id, day)",
                "CREATE TABLE coverage (appearance_id INTEGER NOT NULL REFERENCES appearances (id), side TEXT NOT NULL, articles INTEGER NOT NULL, " +
                    "first_published INTEGER NOT NULL, PRIMARY KEY (appearance_id, side)) WITHOUT ROWID",
                "CREATE TABLE postings (topic_id INTEGER NOT NULL, term TEXT NOT NULL, day INTEGER NOT NULL, appearance_id INTEGER NOT NULL, " +
                    "PRIMARY KEY (topic_id, term, day, appearance_id)) WITHOUT ROWID",
            ],
        },
        new()
        {
            Version = 2,
            Description = "term_counts: appearances per term, so a lookup probes only a story's rarest terms",
            Statements =
            [
                "CREATE TABLE term_counts (topic_id INTEGER NOT NULL, term TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY (topic_id, term)) WITHOUT ROWID",
                CountTermsSql,
            ],
        },
    ];

    private readonly string _connectionString;
    private readonly SqliteStoryArchiveOptions _options;

    /// <summary>Opens (or, on first use, creates) the archive file.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public SqliteStoryArchive(SqliteStoryArchiveOptions options)
        : base(Validated(options).Continuation)
    {
        _options = options;
        var path = System.IO.Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
            Pooling = true,
        }.ToString();
        Path = path;
    }

    /// <summary>Opens (or creates) the archive file at <paramref name="path"/> with default options.</summary>
    /// <param name="path">The archive file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public SqliteStoryArchive(string path)
        : this(new SqliteStoryArchiveOptions { Path = path })
    {
    }

    /// <summary>The archive file's full path.</summary>
    public string Path { get; }

    /// <summary>The schema steps, in order.</summary>
    public static IReadOnlyList<StoryArchiveMigration> SchemaMigrations => Steps;

    /// <inheritdoc/>
    protected override IReadOnlyList<StoryArchiveMigration> Migrations => Steps;

    /// <inheritdoc/>
    protected override string Location => Path;

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var busy = ((long)_options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var synchronous = _options.FlushEachRun ? "FULL" : "NORMAL";
            var cache = (-1024L * _options.CacheMegabytes).ToString(CultureInfo.InvariantCulture); // negative: KiB, not pages
#pragma warning disable CA2100 // A number and a keyword formatted here, not user text.
            await ExecuteStatementAsync(connection, $"PRAGMA busy_timeout = {busy}; PRAGMA foreign_keys = ON; PRAGMA synchronous = {synchronous}; PRAGMA cache_size = {cache}", cancellationToken).ConfigureAwait(false);
#pragma warning restore CA2100
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    protected override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Persistent in the file: readers never block the writer, and a second process can open the archive meanwhile.
        var mode = await QueryTextAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new NewsPerspectivesException($"Story archive {Path}: SQLite refused write-ahead logging (journal mode '{mode}'); put the archive on a local file system.");
        }
    }

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Not deferred: BEGIN IMMEDIATE takes the write lock now, waiting out another writer up to the busy timeout.
        return await Task.Run(() => (DbTransaction)((SqliteConnection)connection).BeginTransaction(deferred: false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>In-process, one prepared single-row statement reused for every row beats long multi-row statements.</summary>
    /// <inheritdoc/>
    protected override async Task InsertManyAsync(DbConnection connection, DbTransaction transaction, string insert, string suffix, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var command = (SqliteCommand)connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.Transaction = (SqliteTransaction)transaction;
        var names = Enumerable.Range(0, rows[0].Length).Select(c => "@c" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
#pragma warning disable CA2100 // The archive's own statement text and parameter names.
        command.CommandText = $"{insert} ({string.Join(", ", names)}) {suffix}";
#pragma warning restore CA2100
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        foreach (var row in rows)
        {
            for (int c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    protected override async Task VacuumCoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // VACUUM rewrites the file through the log; the checkpoint moves it back and truncates the log.
        await ExecuteStatementAsync(connection, "VACUUM", cancellationToken).ConfigureAwait(false);
        await ExecuteStatementAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pooled connections to the file (so it can be moved or deleted).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static SqliteStoryArchiveOptions Validated(SqliteStoryArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
