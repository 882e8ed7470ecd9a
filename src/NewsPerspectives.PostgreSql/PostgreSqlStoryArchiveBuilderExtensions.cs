namespace NewsPerspectives;

/// <summary>Registers the PostgreSQL story archive: <c>builder.UsePostgreSqlStoryArchive("Host=…;Database=…")</c>.</summary>
public static class PostgreSqlStoryArchiveBuilderExtensions
{
    /// <summary>Uses a <see cref="PostgreSqlStoryArchive"/> on the server of <paramref name="connectionString"/> as the story archive (and its maintenance).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Configures the options (schema, continuation); none when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The connection string is empty, or an option is invalid.</exception>
    public static INewsPerspectivesBuilder UsePostgreSqlStoryArchive(this INewsPerspectivesBuilder builder, string connectionString, Action<PostgreSqlStoryArchiveOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgreSqlStoryArchiveOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();
        return builder.UseStoryArchive(_ => new PostgreSqlStoryArchive(options));
    }
}
