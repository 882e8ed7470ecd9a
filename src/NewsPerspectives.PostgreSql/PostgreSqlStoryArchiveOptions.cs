using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>Options of <see cref="PostgreSqlStoryArchive"/>.</summary>
public sealed partial class PostgreSqlStoryArchiveOptions
{
    /// <summary>The Npgsql connection string (e.g. <c>Host=db;Database=news;Username=news;Password=…</c>). Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema that holds the archive's tables (created when missing): a lowercase identifier. Default <c>newsperspectives</c>.</summary>
    public string Schema { get; set; } = "newsperspectives";

    /// <summary>When a story continues an archived one.</summary>
    public StoryContinuationOptions Continuation { get; } = new();

    /// <summary>Throws when a value is invalid.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or the schema is not a lowercase identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A continuation option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL story archive needs a connection string.", nameof(ConnectionString));
        }

        if (Schema is null || !Identifier().IsMatch(Schema))
        {
            throw new ArgumentException($"Schema '{Schema}' is not a lowercase PostgreSQL identifier (a-z, 0-9, _; at most 63 characters, not starting with a digit).", nameof(Schema));
        }

        Continuation.Validate();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
