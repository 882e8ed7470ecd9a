namespace NewsPerspectives;

/// <summary>What happened to one file of a publication.</summary>
public enum PublishOutcome
{
    /// <summary>Written (atomically: the old file, if any, was replaced whole).</summary>
    Written,

    /// <summary>Not written; the old file, if any, is intact. See <see cref="PublishedFile.Error"/>.</summary>
    Failed,

    /// <summary>
    /// Not written because the run failed (<see cref="DigestRunStatus.Failed"/>: every feed failed, or no article): a
    /// failed run never replaces a good post. The existing file, if any, is kept; <see cref="PublishedFile.Error"/> says why.
    /// </summary>
    Refused,
}
