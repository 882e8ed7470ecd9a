namespace NewsPerspectives;

/// <summary>Base type of the errors NewsPerspectives throws. Per-feed and per-article failures are data in the run result, not exceptions.</summary>
public class NewsPerspectivesException : Exception
{
    /// <summary>Creates an exception.</summary>
    public NewsPerspectivesException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public NewsPerspectivesException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NewsPerspectivesException(string message, Exception? innerException) : base(message, innerException) { }
}
