namespace NewsPerspectives;

/// <summary>One run's stories for a topic and day, as a story archive records them.</summary>
/// <remarks>
/// Valid when the topic id, the side ids and every story's id are non-empty and distinct, every story has a headline,
/// its terms hold no whitespace, its outlets no line break, and its coverage names only sides of <see cref="SideIds"/>.
/// </remarks>
public sealed class StoryArchiveRun
{
    /// <summary>The topic id (e.g. <c>china-japan</c>).</summary>
    public required string TopicId { get; init; }

    /// <summary>The digest's date (UTC day).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The topic's side ids, in display order: a side that never covers a story is one of these.</summary>
    public required IReadOnlyList<string> SideIds { get; init; }

    /// <summary>The run's stories.</summary>
    public required IReadOnlyList<StorySnapshot> Stories { get; init; }

    /// <summary>The run of a digest: its topic, date, sides and every story (see <see cref="StorySnapshot.FromStory"/>).</summary>
    /// <param name="digest">The digest.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digest"/> is null.</exception>
    public static StoryArchiveRun FromDigest(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new StoryArchiveRun
        {
            TopicId = digest.Topic.Id,
            Date = digest.Date,
            SideIds = digest.Topic.Sides.Select(s => s.Id).ToArray(),
            Stories = digest.Stories.Select(s => StorySnapshot.FromStory(s.Story)).ToArray(),
        };
    }

    /// <summary>Throws when the run is not valid (see the remarks).</summary>
    /// <exception cref="ArgumentException">The run is invalid; the message says which value.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(TopicId), "the run has no topic id");
        Require(SideIds is { Count: > 0 } && SideIds.All(s => !string.IsNullOrWhiteSpace(s) && !HasLineBreak(s)), $"topic '{TopicId}': side ids must be non-empty, one line each");
        Require(SideIds.Distinct(StringComparer.Ordinal).Count() == SideIds.Count, $"topic '{TopicId}': side ids repeat");
        Require(Stories is not null, $"topic '{TopicId}': the run has no story list");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in Stories!)
        {
            Require(story is not null && !string.IsNullOrWhiteSpace(story.Id), $"topic '{TopicId}' {Date:yyyy-MM-dd}: a story has no id");
            var where = $"topic '{TopicId}' {Date:yyyy-MM-dd} story '{story!.Id}'";
            Require(ids.Add(story.Id), $"{where}: the id repeats");
            Require(!string.IsNullOrWhiteSpace(story.Headline), $"{where}: no headline");
            Require(story.Terms.All(t => t.Length > 0 && !t.Any(char.IsWhiteSpace)), $"{where}: a term is empty or holds whitespace");
            Require(story.Outlets.All(o => o.Length > 0 && !HasLineBreak(o)), $"{where}: an outlet is empty or holds a line break");
            foreach (var side in story.Coverage)
            {
                Require(SideIds.Contains(side.SideId, StringComparer.Ordinal), $"{where}: coverage of '{side.SideId}', which is not one of the run's sides");
                Require(side.Articles > 0, $"{where}: side '{side.SideId}' has {side.Articles} articles (at least 1 needed)");
            }

            Require(story.Coverage.Select(c => c.SideId).Distinct(StringComparer.Ordinal).Count() == story.Coverage.Count, $"{where}: a side's coverage repeats");
        }
    }

    private static bool HasLineBreak(string text) => text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid story archive run: {message}.");
        }
    }
}
