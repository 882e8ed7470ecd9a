using System.Globalization;
using System.Text.Json;

namespace LlmSummaries;

/// <summary>
/// Where the OpenAI-compatible chat-completions endpoint is: read from <c>llm.json</c> (beside the program, or the
/// file given with <c>--settings</c>), then overridden by environment variables.
/// </summary>
internal sealed class LlmSettings
{
    /// <summary>The API base URL, e.g. <c>https://api.openai.com/v1</c>, <c>https://RESOURCE.openai.azure.com/openai/v1/</c>
    /// or <c>http://localhost:11434/v1</c> (Ollama). Empty: run offline.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The model (for Azure OpenAI: the deployment name).</summary>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>The API key (Ollama accepts any non-empty value).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>How long one topic's summary may take before the extractive fallback is used.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public bool HasEndpoint => Endpoint.Length > 0;

    public static LlmSettings Load(string path)
    {
        var settings = new LlmSettings();
        if (File.Exists(path))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            settings.Endpoint = Text(root, "endpoint") ?? settings.Endpoint;
            settings.Model = Text(root, "model") ?? settings.Model;
            settings.ApiKey = Text(root, "apiKey") ?? settings.ApiKey;
            if (root.TryGetProperty("timeoutSeconds", out var timeout) && timeout.TryGetInt32(out var seconds))
            {
                settings.TimeoutSeconds = seconds;
            }
        }

        settings.Endpoint = Environment.GetEnvironmentVariable("NEWSPERSPECTIVES_LLM_ENDPOINT") ?? settings.Endpoint;
        settings.Model = Environment.GetEnvironmentVariable("NEWSPERSPECTIVES_LLM_MODEL") ?? settings.Model;
        settings.ApiKey = Environment.GetEnvironmentVariable("NEWSPERSPECTIVES_LLM_API_KEY") ?? settings.ApiKey;
        if (int.TryParse(Environment.GetEnvironmentVariable("NEWSPERSPECTIVES_LLM_TIMEOUT_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var envSeconds))
        {
            settings.TimeoutSeconds = envSeconds;
        }

        settings.Endpoint = settings.Endpoint.Trim();
        if (settings.HasEndpoint && settings.ApiKey.Length == 0)
        {
            settings.ApiKey = "none";   // local servers such as Ollama ignore the key, but the client needs one
        }

        return settings;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
