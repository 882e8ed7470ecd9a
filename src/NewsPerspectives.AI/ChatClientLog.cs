using Microsoft.Extensions.Logging;

namespace NewsPerspectives;

/// <summary>The log messages of NewsPerspectives.AI, each with a stable event id (2000–2099; see docs/configuration.md, "Logging").</summary>
internal static partial class ChatClientLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Chat summarizer fell back to {Fallback} for topic {Topic}: {Reason}")]
    public static partial void FellBack(this ILogger logger, string fallback, string topic, string reason);
}
