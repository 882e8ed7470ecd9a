using System.Data.Common;
using System.Globalization;
using static NewsPerspectives.SqlCommands;

namespace NewsPerspectives;

/// <summary>
/// A story archive over an ADO.NET database: the tables, queries, continuation and retention shared by
/// <c>SqliteStoryArchive</c> and <c>PostgreSqlStoryArchive</c>. An engine supplies connections, its write lock, its
/// schema steps (<see cref="Migrations"/>) and its vacuum.
/// </summary>
/// <remarks>
/// <para>Tables: <c>topics</c>; <c>runs</c> (topic, day, the day's sides); <c>stories</c> (one per archived story, with
/// its stable key); <c>appearances</c> (one per story and day: that day's id, headline, terms, outlets and continuation
/// score); <c>coverage</c> (per appearance and side: articles, first article); <c>postings</c> (term → appearance, by
/// topic and day: the index continuation probes); <c>term_counts</c> (appearances per term, to pick a story's rarest
/// terms); <c>schema_version</c> (the steps applied). Days are stored as day numbers, times as Unix milliseconds.</para>
/// <para>A run is recorded in one transaction under the engine's write lock, so a crash leaves the previous day intact
/// and two writers never interleave. Schema steps run once per instance, on first use, under the same lock.</para>
/// </remarks>
public abstract class SqlStoryArchive : IStoryArchive, IStoryArchiveMaintenance
{
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    /// <summary>Creates the archive.</summary>
    /// <param name="continuation">When a story continues an archived one; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    protected SqlStoryArchive(StoryContinuationOptions? continuation)
    {
        Continuation = continuation ?? new StoryContinuationOptions();
        Continuation.Validate();
    }

    /// <summary>The continuation options.</summary>
    public StoryContinuationOptions Continuation { get; }

    /// <summary>The schema version this library writes (the last of <see cref="Migrations"/>).</summary>
    public int SchemaVersion => Migrations[^1].Version;

    /// <summary>The engine's schema steps, versions 1, 2, … in order.</summary>
    protected abstract IReadOnlyList<StoryArchiveMigration> Migrations { get; }

    /// <summary>Where the archive lives, for error messages (a file path, or a host and database without the password).</summary>
    protected abstract string Location { get; }

    /// <summary>Opens a connection, configured for the archive.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An open connection the caller disposes.</returns>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction holding the archive's write lock until it ends (so writers run one at a time).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The transaction.</returns>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs once before the schema steps, outside a transaction (e.g. switches SQLite to WAL, creates a PostgreSQL schema). Default: nothing.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Compacts the database (see <see cref="VacuumAsync"/>).</summary>
    /// <param name="connection">An open connection with no transaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected abstract Task VacuumCoreAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RecordedStory>> RecordAsync(StoryArchiveRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Validate();
        return GuardAsync($"recording {run.TopicId} {Day(run.Date)}", async () =>
        {
            var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var recorded = await RecordCoreAsync(connection, transaction, run, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return recorded;
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoryContinuation>> FindContinuationsAsync(StoryArchiveRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Validate();
        return GuardAsync($"looking up {run.TopicId} {Day(run.Date)}", async () =>
        {
            var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var topicId = await ScalarAsync(connection, null, "SELECT id FROM topics WHERE name = @name", cancellationToken, ("@name", run.TopicId)).ConfigureAwait(false);
            if (topicId is null)
            {
                return (IReadOnlyList<StoryContinuation>)[];
            }

            var matches = await MatchAsync(connection, null, topicId.Value, run, cancellationToken).ConfigureAwait(false);
            return matches.Where(m => m is not null).Select(m => m!.ToContinuation()).ToArray();
        });
    }

    /// <inheritdoc/>
    public Task<StoryHistory?> GetHistoryAsync(string archivedStoryId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivedStoryId);
        return GuardAsync($"reading story '{archivedStoryId}'", async () =>
        {
            var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            return await HistoryAsync(connection, archivedStoryId, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <inheritdoc/>
    public Task<int> PruneAsync(DateOnly keepFrom, CancellationToken cancellationToken = default) =>
        GuardAsync($"removing days before {Day(keepFrom)}", async () =>
        {
            var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var cutoff = ("@cutoff", (object?)keepFrom.DayNumber);
            await ExecuteAsync(connection, transaction, "DELETE FROM coverage WHERE appearance_id IN (SELECT id FROM appearances WHERE day < @cutoff)", cancellationToken, cutoff).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM postings WHERE day < @cutoff", cancellationToken, cutoff).ConfigureAwait(false);
            int removed = await ExecuteAsync(connection, transaction, "DELETE FROM appearances WHERE day < @cutoff", cancellationToken, cutoff).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM runs WHERE day < @cutoff", cancellationToken, cutoff).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM appearances a WHERE a.story_id = stories.id)", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "UPDATE stories SET first_day = (SELECT MIN(a.day) FROM appearances a WHERE a.story_id = stories.id) WHERE first_day < @cutoff", cancellationToken, cutoff).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "DELETE FROM term_counts", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CountTermsSql, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        });

    /// <inheritdoc/>
    public Task VacuumAsync(CancellationToken cancellationToken = default) =>
        GuardAsync("vacuuming", async () =>
        {
            var connection = await OpenReadyAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            await VacuumCoreAsync(connection, cancellationToken).ConfigureAwait(false);
            return 0;
        });

    /// <summary>Runs one statement with no parameters (for engines: pragmas, vacuum, schema creation).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="sql">The statement.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows affected.</returns>
    protected static Task<int> ExecuteStatementAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, sql, cancellationToken);

    /// <summary>Runs one query with no parameters and returns its first value as text (for engines: pragmas).</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="sql">The query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The first value, or <see langword="null"/>.</returns>
    protected static async Task<string?> QueryTextAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = Create(connection, null, sql);
        await using var commandScope = command.ConfigureAwait(false);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Inserts rows: <paramref name="insert"/> is <c>INSERT INTO table (columns) VALUES</c>, <paramref name="suffix"/> an
    /// optional <c>ON CONFLICT</c> clause. Default: multi-row <c>VALUES</c> statements (few round trips, for a server);
    /// an embedded engine may rather reuse one prepared single-row statement.
    /// </summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The write transaction.</param>
    /// <param name="insert">The statement up to <c>VALUES</c>.</param>
    /// <param name="suffix">What follows the values, or empty.</param>
    /// <param name="rows">The rows, each with one value per column.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    protected virtual Task InsertManyAsync(DbConnection connection, DbTransaction transaction, string insert, string suffix, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken) =>
        InsertRowsAsync(connection, transaction, insert, suffix, rows, cancellationToken);

    /// <summary>The statement that fills <c>term_counts</c> from <c>postings</c> (schema step 2 and retention use it).</summary>
    protected const string CountTermsSql = "INSERT INTO term_counts (topic_id, term, df) SELECT topic_id, term, COUNT(*) FROM postings GROUP BY topic_id, term";

    private async Task<IReadOnlyList<RecordedStory>> RecordCoreAsync(DbConnection connection, DbTransaction transaction, StoryArchiveRun run, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "INSERT INTO topics (name) VALUES (@name) ON CONFLICT (name) DO NOTHING", cancellationToken, ("@name", run.TopicId)).ConfigureAwait(false);
        long topicId = (await ScalarAsync(connection, transaction, "SELECT id FROM topics WHERE name = @name", cancellationToken, ("@name", run.TopicId)).ConfigureAwait(false))!.Value;
        int day = run.Date.DayNumber;
        var latest = await ScalarAsync(connection, transaction, "SELECT MAX(day) FROM runs WHERE topic_id = @topic", cancellationToken, ("@topic", topicId)).ConfigureAwait(false);
        if (latest > day)
        {
            throw new NewsPerspectivesException(
                $"Story archive {Location}: topic '{run.TopicId}' already holds {Day(DateOnly.FromDayNumber((int)latest.Value))}, after {Day(run.Date)}; " +
                "days are recorded in order (back-fill into a new archive, or from the latest day on).");
        }

        if (latest == day)
        {
            await RemoveDayAsync(connection, transaction, topicId, day, cancellationToken).ConfigureAwait(false);
        }

        var matches = await MatchAsync(connection, transaction, topicId, run, cancellationToken).ConfigureAwait(false);
        var result = new RecordedStory[run.Stories.Count];
        var coverage = new List<object?[]>();
        var postings = new List<object?[]>();
        var termCounts = new Dictionary<string, int>(StringComparer.Ordinal);

        // One command each for new stories and for the day's appearances, reused (and so prepared once) for every story.
        var insertStory = Create(connection, transaction, "INSERT INTO stories (topic_id, key, first_day) VALUES (@topic, @key, @day) RETURNING id",
            ("@topic", topicId), ("@key", ""), ("@day", day));
        await using var insertStoryScope = insertStory.ConfigureAwait(false);
        var insertAppearance = Create(connection, transaction,
            "INSERT INTO appearances (story_id, topic_id, day, daily_id, headline, terms, outlets, score) VALUES (@story, @topic, @day, @daily, @headline, @terms, @outlets, @score) RETURNING id",
            ("@story", 0L), ("@topic", topicId), ("@day", day), ("@daily", ""), ("@headline", ""), ("@terms", ""), ("@outlets", ""), ("@score", null));
        await using var insertAppearanceScope = insertAppearance.ConfigureAwait(false);
        var (key, storyParameter, daily, headline, termsParameter, outlets, score) = (insertStory.Parameters[1], insertAppearance.Parameters[0],
            insertAppearance.Parameters[3], insertAppearance.Parameters[4], insertAppearance.Parameters[5], insertAppearance.Parameters[6], insertAppearance.Parameters[7]);
        for (int i = 0; i < run.Stories.Count; i++)
        {
            var story = run.Stories[i];
            var match = matches[i];
            long storyId;
            if (match is null)
            {
                key.Value = $"{run.TopicId}/{Day(run.Date)}/{story.Id}";
                storyId = Convert.ToInt64(await insertStory.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }
            else
            {
                storyId = match.StoryId;
            }

            var terms = EffectiveTerms(story);
            storyParameter.Value = storyId;
            daily.Value = story.Id;
            headline.Value = story.Headline;
            termsParameter.Value = string.Join(' ', terms);
            outlets.Value = string.Join('\n', story.Outlets);
            score.Value = match is null ? DBNull.Value : match.Score;
            long appearanceId = Convert.ToInt64(await insertAppearance.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            foreach (var side in story.Coverage)
            {
                coverage.Add([appearanceId, side.SideId, side.Articles, side.FirstPublished.ToUnixTimeMilliseconds()]);
            }

            foreach (var term in terms)
            {
                postings.Add([topicId, term, day, appearanceId]);
                termCounts[term] = termCounts.GetValueOrDefault(term) + 1;
            }

            result[i] = new RecordedStory
            {
                StoryId = story.Id,
                ArchivedStoryId = match?.Key ?? $"{run.TopicId}/{Day(run.Date)}/{story.Id}",
                IsContinuation = match is not null,
                FirstSeen = match?.FirstSeen ?? run.Date,
                DaysRun = (match?.DaysRun ?? 0) + 1,
                Score = match?.Score,
            };
        }

        await InsertManyAsync(connection, transaction, "INSERT INTO coverage (appearance_id, side, articles, first_published) VALUES", "", coverage, cancellationToken).ConfigureAwait(false);
        await InsertManyAsync(connection, transaction, "INSERT INTO postings (topic_id, term, day, appearance_id) VALUES", "", postings, cancellationToken).ConfigureAwait(false);
        await AddTermCountsAsync(connection, transaction, topicId, termCounts, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "INSERT INTO runs (topic_id, day, sides) VALUES (@topic, @day, @sides)", cancellationToken,
            ("@topic", topicId), ("@day", day), ("@sides", string.Join('\n', run.SideIds))).ConfigureAwait(false);
        return result;
    }

    /// <summary>Removes a topic's day (to record it again): its appearances, their coverage and postings, the term counts they added, and stories left empty.</summary>
    private async Task RemoveDayAsync(DbConnection connection, DbTransaction transaction, long topicId, int day, CancellationToken cancellationToken)
    {
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        await ReadAsync(connection, transaction, "SELECT terms FROM appearances WHERE topic_id = @topic AND day = @day", r =>
        {
            foreach (var term in SplitTerms(r.GetString(0)))
            {
                removed[term] = removed.GetValueOrDefault(term) - 1;
            }
        }, cancellationToken, ("@topic", topicId), ("@day", day)).ConfigureAwait(false);

        var at = new (string, object?)[] { ("@topic", topicId), ("@day", day) };
        await ExecuteInChunksAsync(connection, transaction, "DELETE FROM postings WHERE topic_id = @topic AND day = @day AND term IN ({in})", removed.Keys.ToArray(), cancellationToken, at).ConfigureAwait(false);
        await AddTermCountsAsync(connection, transaction, topicId, removed, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM term_counts WHERE topic_id = @topic AND df <= 0", cancellationToken, ("@topic", topicId)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM coverage WHERE appearance_id IN (SELECT id FROM appearances WHERE topic_id = @topic AND day = @day)", cancellationToken, at).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM appearances WHERE topic_id = @topic AND day = @day", cancellationToken, at).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM stories WHERE topic_id = @topic AND first_day = @day AND NOT EXISTS (SELECT 1 FROM appearances a WHERE a.story_id = stories.id)", cancellationToken, at).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM runs WHERE topic_id = @topic AND day = @day", cancellationToken, at).ConfigureAwait(false);
    }

    private Task AddTermCountsAsync(DbConnection connection, DbTransaction transaction, long topicId, Dictionary<string, int> deltas, CancellationToken cancellationToken) =>
        InsertManyAsync(connection, transaction, "INSERT INTO term_counts (topic_id, term, df) VALUES",
            "ON CONFLICT (topic_id, term) DO UPDATE SET df = term_counts.df + excluded.df",
            deltas.Select(kv => new object?[] { topicId, kv.Key, kv.Value }).ToArray(), cancellationToken);

    /// <summary>
    /// The archived story each of the run's stories continues (or <see langword="null"/>): probe the postings of each
    /// story's rarest terms within the window, score the appearances found with <see cref="ContinuationScorer"/>, and
    /// assign greedily, best score first, each archived story to at most one of the run's stories.
    /// </summary>
    private async Task<Match?[]> MatchAsync(DbConnection connection, DbTransaction? transaction, long topicId, StoryArchiveRun run, CancellationToken cancellationToken)
    {
        var stories = run.Stories;
        var result = new Match?[stories.Count];
        if (stories.Count == 0)
        {
            return result;
        }

        var terms = stories.Select(EffectiveTerms).ToArray();
        var topic = ("@topic", (object?)topicId);
        var documentFrequency = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadInChunksAsync(connection, transaction, "SELECT term, df FROM term_counts WHERE topic_id = @topic AND term IN ({in})",
            terms.SelectMany(t => t).Distinct(StringComparer.Ordinal).ToArray(),
            r => documentFrequency[r.GetString(0)] = Int64(r, 1), cancellationToken, topic).ConfigureAwait(false);

        // Each story's signature: its rarest terms the archive has seen, rarest first.
        var signatures = terms.Select(list => list
            .Where(documentFrequency.ContainsKey)
            .OrderBy(t => documentFrequency[t]).ThenBy(t => t, StringComparer.Ordinal)
            .Take(Continuation.SignatureTerms + (list.Count / 4))
            .ToArray()).ToArray();
        var probed = signatures.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToArray();
        var postings = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        int day = run.Date.DayNumber;
        await ReadInChunksAsync(connection, transaction,
            "SELECT term, appearance_id FROM postings WHERE topic_id = @topic AND term IN ({in}) AND day >= @from AND day < @to",
            probed, r =>
            {
                var term = r.GetString(0);
                if (!postings.TryGetValue(term, out var list))
                {
                    postings.Add(term, list = []);
                }

                list.Add(Int64(r, 1));
            }, cancellationToken, topic, ("@from", day - Continuation.WindowDays), ("@to", day)).ConfigureAwait(false);

        // Each story's candidates: the appearances its signature terms found, most hits first, at most MaxCandidates.
        var candidatesOf = signatures.Select(s => s
            .SelectMany(t => postings.GetValueOrDefault(t) ?? [])
            .GroupBy(a => a)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Take(Continuation.MaxCandidates)
            .Select(g => g.Key)
            .ToHashSet()).ToArray();
        var appearanceIds = candidatesOf.SelectMany(c => c).Distinct().Order().ToArray();
        if (appearanceIds.Length == 0)
        {
            return result;
        }

        var candidates = new List<Candidate>(appearanceIds.Length);
        await ReadInChunksAsync(connection, transaction,
            "SELECT a.id, a.story_id, a.terms, s.key, s.first_day FROM appearances a JOIN stories s ON s.id = a.story_id WHERE a.id IN ({in})",
            appearanceIds, r => candidates.Add(new Candidate(Int64(r, 0), Int64(r, 1), SplitTerms(r.GetString(2)), r.GetString(3), Int32(r, 4))),
            cancellationToken).ConfigureAwait(false);
        candidates.Sort((a, b) => a.AppearanceId.CompareTo(b.AppearanceId));
        var position = candidates.Select((c, i) => (c.AppearanceId, i)).ToDictionary(x => x.AppearanceId, x => x.i);

        var scorer = ContinuationScorer.Prepare(terms.Concat(candidates.Select(c => c.Terms)).ToArray());

        // The best score of each (run story, archived story) pair over the archived story's appearances in the window.
        var best = new Dictionary<(int Story, long Archived), (double Score, Candidate Candidate)>();
        for (int i = 0; i < stories.Count; i++)
        {
            foreach (var appearance in candidatesOf[i].Order())
            {
                var candidate = candidates[position[appearance]];
                double score = scorer.Score(i, stories.Count + position[appearance]);
                if (score >= Continuation.MinScore && (!best.TryGetValue((i, candidate.StoryId), out var known) || score > known.Score))
                {
                    best[(i, candidate.StoryId)] = (score, candidate);
                }
            }
        }

        // Each story continues its best match; two of a day's stories may continue the same archived story (the
        // clusterer split one developing event): both are continuations, and that day of its history lists both.
        foreach (var pair in best.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key.Story).ThenBy(kv => kv.Value.Candidate.Key, StringComparer.Ordinal))
        {
            if (result[pair.Key.Story] is null)
            {
                var c = pair.Value.Candidate;
                result[pair.Key.Story] = new Match(stories[pair.Key.Story].Id, c.StoryId, c.Key, DateOnly.FromDayNumber(c.FirstDay), Math.Round(pair.Value.Score, 6));
            }
        }

        await FillPastDaysAsync(connection, transaction, result, day, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Completes each match with the days its archived story ran before <paramref name="day"/>, and its last headline.</summary>
    private static async Task FillPastDaysAsync(DbConnection connection, DbTransaction? transaction, Match?[] matches, int day, CancellationToken cancellationToken)
    {
        var byStory = matches.OfType<Match>().GroupBy(m => m.StoryId).ToDictionary(g => g.Key, g => g.ToArray());
        var days = new Dictionary<long, HashSet<int>>();
        await ReadInChunksAsync(connection, transaction, "SELECT story_id, day, headline FROM appearances WHERE story_id IN ({in}) AND day < @day",
            byStory.Keys.Order().ToArray(), r =>
            {
                long story = Int64(r, 0);
                int seen = Int32(r, 1);
                if (!days.TryGetValue(story, out var set))
                {
                    days.Add(story, set = []);
                }

                set.Add(seen);
                foreach (var match in byStory[story])
                {
                    match.DaysRun = set.Count;
                    if (seen > match.LastDay || (seen == match.LastDay && string.CompareOrdinal(r.GetString(2), match.LastHeadline) < 0))
                    {
                        match.LastDay = seen;
                        match.LastHeadline = r.GetString(2);
                    }
                }
            }, cancellationToken, ("@day", day)).ConfigureAwait(false);
    }

    private static async Task<StoryHistory?> HistoryAsync(DbConnection connection, string key, CancellationToken cancellationToken)
    {
        long storyId = 0;
        long topicId = 0;
        string? topicName = null;
        await ReadAsync(connection, null, "SELECT s.id, s.topic_id, t.name FROM stories s JOIN topics t ON t.id = s.topic_id WHERE s.key = @key",
            r => (storyId, topicId, topicName) = (Int64(r, 0), Int64(r, 1), r.GetString(2)), cancellationToken, ("@key", key)).ConfigureAwait(false);
        if (topicName is null)
        {
            return null;
        }

        var days = new List<(long Id, int Day, string DailyId, string Headline, string[] Outlets, double? Score)>();
        await ReadAsync(connection, null, "SELECT id, day, daily_id, headline, outlets, score FROM appearances WHERE story_id = @story", r =>
        {
            var outlets = r.GetString(4);
            days.Add((Int64(r, 0), Int32(r, 1), r.GetString(2), r.GetString(3), outlets.Length == 0 ? [] : outlets.Split('\n'), NullableDouble(r, 5)));
        }, cancellationToken, ("@story", storyId)).ConfigureAwait(false);
        if (days.Count == 0)
        {
            return null;
        }

        var coverage = new Dictionary<long, List<SideCoverage>>();
        await ReadAsync(connection, null, "SELECT c.appearance_id, c.side, c.articles, c.first_published FROM coverage c JOIN appearances a ON a.id = c.appearance_id WHERE a.story_id = @story", r =>
        {
            long appearance = Int64(r, 0);
            if (!coverage.TryGetValue(appearance, out var list))
            {
                coverage.Add(appearance, list = []);
            }

            list.Add(new SideCoverage { SideId = r.GetString(1), Articles = Int32(r, 2), FirstPublished = DateTimeOffset.FromUnixTimeMilliseconds(Int64(r, 3)) });
        }, cancellationToken, ("@story", storyId)).ConfigureAwait(false);

        var sidesByDay = new Dictionary<int, string[]>();
        await ReadInChunksAsync(connection, null, "SELECT day, sides FROM runs WHERE topic_id = @topic AND day IN ({in})", days.Select(d => d.Day).ToArray(),
            r => sidesByDay[Int32(r, 0)] = r.GetString(1).Split('\n'), cancellationToken, ("@topic", topicId)).ConfigureAwait(false);

        // Side order: the sides of the story's days as the runs listed them, earliest day first.
        var sideOrder = new List<string>();
        foreach (var d in days)
        {
            foreach (var side in sidesByDay.GetValueOrDefault(d.Day) ?? [])
            {
                if (!sideOrder.Contains(side, StringComparer.Ordinal))
                {
                    sideOrder.Add(side);
                }
            }
        }

        int Rank(string side) => sideOrder.IndexOf(side) is var i and >= 0 ? i : int.MaxValue;
        var storyDays = days.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g =>
        {
            // Several of a day's stories may continue this one: most articles first, then by id.
            var parts = g.OrderByDescending(d => (coverage.GetValueOrDefault(d.Id) ?? []).Sum(c => c.Articles)).ThenBy(d => d.DailyId, StringComparer.Ordinal).ToArray();
            var sides = parts.SelectMany(d => coverage.GetValueOrDefault(d.Id) ?? [])
                .GroupBy(c => c.SideId, StringComparer.Ordinal)
                .Select(s => new SideCoverage { SideId = s.Key, Articles = s.Sum(c => c.Articles), FirstPublished = s.Min(c => c.FirstPublished) });
            return new StoryDay
            {
                Date = DateOnly.FromDayNumber(g.Key),
                StoryIds = parts.Select(d => d.DailyId).ToArray(),
                Headline = parts[0].Headline,
                Coverage = sides.OrderBy(c => Rank(c.SideId)).ThenBy(c => c.SideId, StringComparer.Ordinal).ToArray(),
                Outlets = parts.SelectMany(d => d.Outlets).Distinct(StringComparer.Ordinal).ToArray(),
                Score = parts.Max(d => d.Score),
            };
        }).ToArray();
        var timelines = storyDays
            .SelectMany(d => d.Coverage.Select(c => (d.Date, Coverage: c)))
            .GroupBy(x => x.Coverage.SideId, StringComparer.Ordinal)
            .Select(g => new SideTimeline
            {
                SideId = g.Key,
                FirstDay = g.Min(x => x.Date),
                FirstPublished = g.Min(x => x.Coverage.FirstPublished),
                DaysCovered = g.Select(x => x.Date).Distinct().Count(),
            })
            .OrderBy(t => Rank(t.SideId)).ThenBy(t => t.SideId, StringComparer.Ordinal)
            .ToArray();
        return new StoryHistory
        {
            Id = key,
            TopicId = topicName!,
            Headline = storyDays[^1].Headline,
            Days = storyDays,
            Sides = timelines,
            SidesNeverCovered = sideOrder.Where(s => !timelines.Any(t => t.SideId == s)).ToArray(),
        };
    }

    private async Task<DbConnection> OpenReadyAsync(CancellationToken cancellationToken)
    {
        Task schema;
        lock (_schemaGate)
        {
            // One schema check per instance; a failed one is tried again by the next call.
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = EnsureSchemaAsync();
            }

            schema = _schema;
        }

        await schema.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the schema steps the database lacks, in order, in one transaction under the write lock.</summary>
    private async Task EnsureSchemaAsync()
    {
        var cancellationToken = CancellationToken.None;
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        await PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
        var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        long current = await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken).ConfigureAwait(false) ?? 0;
        if (current > SchemaVersion)
        {
            throw new NewsPerspectivesException(
                $"Story archive {Location} has schema version {current}, newer than version {SchemaVersion} that this NewsPerspectives knows; upgrade NewsPerspectives to use it.");
        }

        foreach (var step in Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            foreach (var statement in step.Statements)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, description) VALUES (@version, @description)", cancellationToken,
                ("@version", step.Version), ("@description", step.Description)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GuardAsync<T>(string what, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new NewsPerspectivesException($"Story archive {Location}: {what} failed: {ex.Message}", ex);
        }
    }

    /// <summary>The terms a story is indexed and scored on: its kept terms, or its headline's when it kept none.</summary>
    private static IReadOnlyList<string> EffectiveTerms(StorySnapshot story) =>
        (story.Terms.Count > 0 ? story.Terms : HeadlineTerms.Terms(story.Headline)).Distinct(StringComparer.Ordinal).ToArray();

    private static string[] SplitTerms(string terms) => terms.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Candidate(long AppearanceId, long StoryId, IReadOnlyList<string> Terms, string Key, int FirstDay);

    private sealed class Match(string runStoryId, long storyId, string key, DateOnly firstSeen, double score)
    {
        public string RunStoryId { get; } = runStoryId;

        public long StoryId { get; } = storyId;

        public string Key { get; } = key;

        public DateOnly FirstSeen { get; } = firstSeen;

        public double Score { get; } = score;

        public int DaysRun { get; set; }

        public int LastDay { get; set; } = int.MinValue;

        public string LastHeadline { get; set; } = "";

        public StoryContinuation ToContinuation() => new()
        {
            StoryId = RunStoryId,
            ArchivedStoryId = Key,
            Score = Score,
            FirstSeen = FirstSeen,
            LastSeen = DateOnly.FromDayNumber(LastDay),
            DaysRun = DaysRun,
            LastHeadline = LastHeadline,
        };
    }
}
