using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsPerspectives;

/// <summary>Registers a story archive: <c>builder.UseStoryArchive(...)</c>, or an engine's own extension such as <c>UseSqliteStoryArchive(path)</c>.</summary>
public static class StoryArchiveBuilderExtensions
{
    /// <summary>
    /// Uses the archive <paramref name="factory"/> makes, once, as the <see cref="IStoryArchive"/> (and, when it implements
    /// it, the <see cref="IStoryArchiveMaintenance"/>), replacing another archive.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Makes the archive (a singleton: the container disposes it).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static INewsPerspectivesBuilder UseStoryArchive(this INewsPerspectivesBuilder builder, Func<IServiceProvider, IStoryArchive> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        builder.Services.Replace(ServiceDescriptor.Singleton<IStoryArchiveMaintenance>(sp =>
            sp.GetRequiredService<IStoryArchive>() as IStoryArchiveMaintenance
            ?? throw new InvalidOperationException($"The story archive {sp.GetRequiredService<IStoryArchive>().GetType().Name} has no retention or vacuum (it does not implement {nameof(IStoryArchiveMaintenance)}).")));
        return builder;
    }

    /// <summary>Uses <typeparamref name="TArchive"/>, made by the container, as the story archive (see <see cref="UseStoryArchive(INewsPerspectivesBuilder, Func{IServiceProvider, IStoryArchive})"/>).</summary>
    /// <typeparam name="TArchive">The archive type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static INewsPerspectivesBuilder UseStoryArchive<TArchive>(this INewsPerspectivesBuilder builder)
        where TArchive : class, IStoryArchive
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TArchive>();
        return builder.UseStoryArchive(sp => sp.GetRequiredService<TArchive>());
    }
}
