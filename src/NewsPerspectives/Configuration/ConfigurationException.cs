namespace NewsPerspectives;

/// <summary>A configuration error, naming the file, the line and column, and the field.</summary>
public sealed class ConfigurationException : NewsPerspectivesException
{
    /// <summary>Creates the exception. The message is <c>file(line,column): field: problem</c>, or <c>file: field: problem</c> when the line is unknown.</summary>
    /// <param name="filePath">The configuration file (for an <c>IConfiguration</c> source: <c>configuration 'Section:key'</c>).</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="column">1-based column, or 0 when unknown.</param>
    /// <param name="field">The field path, such as <c>topics[0].feeds[1].side</c>.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConfigurationException(string filePath, int line, int column, string field, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{filePath}({line},{column}): {field}: {problem}" : $"{filePath}: {field}: {problem}", innerException ?? new InvalidOperationException(problem))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ConfigurationException() : this("", 0, 0, "", "invalid configuration") { }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public ConfigurationException(string message) : this("", 0, 0, "", message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigurationException(string message, Exception innerException) : this("", 0, 0, "", message, innerException) { }

    /// <summary>The configuration file, or for an <c>IConfiguration</c> source the key, as <c>configuration 'NewsPerspectives:topics:0:id'</c>.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the offending value, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending value, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The field path, such as <c>topics[0].feeds[1].side</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
