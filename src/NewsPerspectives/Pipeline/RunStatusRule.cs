using System.Globalization;

namespace NewsPerspectives;

/// <summary>The one rule that says whether a run is complete, partial or failed, and why.</summary>
internal static class RunStatusRule
{
    /// <summary>How many failing feeds a reason names before it says "and N more".</summary>
    private const int NamedFailures = 3;

    public static DigestRunStatus Status(DigestRun run)
    {
        var feeds = run.Diagnostics.Feeds;
        int failed = feeds.Count(IsFailure);
        if (run.Digest.Sources.Count == 0 || (feeds.Count > 0 && failed == feeds.Count))
        {
            return DigestRunStatus.Failed;
        }

        return failed > 0 ? DigestRunStatus.Partial : DigestRunStatus.Complete;
    }

    public static string? Reason(DigestRun run)
    {
        var feeds = run.Diagnostics.Feeds;
        var failures = feeds.Where(IsFailure).ToArray();
        if (feeds.Count > 0 && failures.Length == feeds.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"every feed failed ({failures.Length} of {feeds.Count}): {Kinds(failures)}; {Named(failures)}");
        }

        if (run.Digest.Sources.Count == 0)
        {
            var dropped = run.Diagnostics.Dropped.GroupBy(d => d.Reason).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
            var why = run.Diagnostics.ArticlesRead == 0
                ? "the feeds had no items"
                : string.Create(CultureInfo.InvariantCulture, $"{run.Diagnostics.ArticlesRead} read, {run.Diagnostics.Dropped.Count} dropped ({string.Join(", ", dropped)})");
            var alsoFailed = failures.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {failures.Length} of {feeds.Count} feeds failed: {Named(failures)}");
            return $"no article to list: {why}{alsoFailed}";
        }

        return failures.Length == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{failures.Length} of {feeds.Count} feeds failed: {Named(failures)}");
    }

    private static bool IsFailure(FeedOutcome outcome) => outcome.Status is FeedStatus.Failed or FeedStatus.Gone;

    private static string Kinds(IEnumerable<FeedOutcome> failures) =>
        string.Join(", ", failures.GroupBy(f => f.Error?.Kind.ToString() ?? f.Status.ToString(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));

    private static string Named(FeedOutcome[] failures)
    {
        var named = failures.Take(NamedFailures).Select(f => f.Error?.ToString() ?? $"{f.Feed.DisplayName}: {f.Status}");
        var more = failures.Length > NamedFailures ? string.Create(CultureInfo.InvariantCulture, $" and {failures.Length - NamedFailures} more") : "";
        return string.Join("; ", named) + more;
    }
}
