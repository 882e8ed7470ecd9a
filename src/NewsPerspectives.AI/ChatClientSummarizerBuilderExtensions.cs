using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>Registers the <see cref="ChatClientSummarizer"/> as the pipeline's summarizer.</summary>
public static class ChatClientSummarizerBuilderExtensions
{
    /// <summary>
    /// Replaces the summarizer with a <see cref="ChatClientSummarizer"/> over the <see cref="IChatClient"/> registered
    /// in the container (register one yourself, e.g. <c>services.AddSingleton&lt;IChatClient&gt;(...)</c> or
    /// Microsoft.Extensions.AI's <c>AddChatClient</c>). Its fallback is the extractive summarizer with the options
    /// set in <see cref="NewsPerspectivesOptions.Summarizer"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the summarizer's options.</param>
    /// <param name="chatClientKey">The service key of a keyed <see cref="IChatClient"/>; <see langword="null"/> (the default) for the unkeyed one.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when first used and, in a host, at start: a value out of range fails naming the option.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder UseChatClientSummarizer(
        this INewsPerspectivesBuilder builder,
        Action<ChatClientSummarizerOptions>? configure = null,
        object? chatClientKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatClientSummarizerOptions>, ChatClientSummarizerOptionsValidator>());
        var options = builder.Services.AddOptions<ChatClientSummarizerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<ISummarizer>(sp => new ChatClientSummarizer(
            chatClientKey is null ? sp.GetRequiredService<IChatClient>() : sp.GetRequiredKeyedService<IChatClient>(chatClientKey),
            sp.GetRequiredService<IOptions<ChatClientSummarizerOptions>>().Value,
            new ExtractiveSummarizer(sp.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value.Summarizer),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<ChatClientSummarizer>>())));
        return builder;
    }
}
