namespace NewsPerspectives;

/// <summary>Registers the SQLite story archive: <c>builder.UseSqliteStoryArchive("archive.db")</c>.</summary>
public static class SqliteStoryArchiveBuilderExtensions
{
    /// <summary>Uses a <see cref="SqliteStoryArchive"/> in the file at <paramref name="path"/> as the story archive (and its maintenance).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The archive file (created on first use).</param>
    /// <param name="configure">Configures the options (busy timeout, continuation); none when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an option is invalid.</exception>
    public static INewsPerspectivesBuilder UseSqliteStoryArchive(this INewsPerspectivesBuilder builder, string path, Action<SqliteStoryArchiveOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new SqliteStoryArchiveOptions { Path = path };
        configure?.Invoke(options);
        options.Validate();
        return builder.UseStoryArchive(_ => new SqliteStoryArchive(options));
    }
}
