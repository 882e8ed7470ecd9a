namespace NewsPerspectives;

/// <summary>What happened to one file of a publication.</summary>
public enum PublishOutcome
{
    /// <summary>Written (atomically: the old file, if any, was replaced whole).</summary>
    Written,

    /// <summary>Not written; the old file, if any, is intact. See <see cref="PublishedFile.Error"/>.</summary>
    Failed,
}
