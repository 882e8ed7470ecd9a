using System.Text;

namespace NewsPerspectives;

/// <summary>Reads the library's files: a user's configuration file, and the data embedded in the assembly.</summary>
internal static class ConfigurationFile
{
    /// <summary>The text of a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for the error: "the file", "the outlet registry", ….</param>
    /// <exception cref="ConfigurationException">The file is missing or unreadable (field <c>(file)</c>).</exception>
    public static string ReadAllText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, 0, 0, "(file)", $"cannot read {what}: {ex.Message}", ex);
        }
    }

    /// <summary>The text of a resource embedded in the library (UTF-8).</summary>
    /// <param name="resourceName">The resource's logical name, e.g. <c>NewsPerspectives.Outlets.default-outlets.yaml</c>.</param>
    /// <exception cref="InvalidOperationException">The resource is missing (a broken build).</exception>
    public static string ReadEmbedded(string resourceName)
    {
        using var stream = typeof(ConfigurationFile).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the embedded resource {resourceName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
