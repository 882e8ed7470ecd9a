using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Cli;

/// <summary><c>newsperspectives backfill</c>: builds a story archive from past digests or past feeds (see docs/stories.md).</summary>
internal static class BackfillCommand
{
    public const string Usage = """
        usage: newsperspectives backfill --archive FILE --digests DIR
               newsperspectives backfill --archive FILE [--config FILE] --from yyyy-MM-dd --to yyyy-MM-dd

          --archive FILE  the SQLite story archive to fill (created when missing)
          --digests DIR   past digests under DIR: JSON digests (as --format json writes them) and Hugo posts
                          in the seed's format, recorded oldest day first
          --config FILE   topics whose feeds hold the past (default: the bundled offline snapshot); with
                          --from/--to the pipeline runs for every topic on every day of the range
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string? archivePath = null, digests = null, config = null;
        DateOnly? from = null, to = null;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                DateOnly Date()
                {
                    var name = args[i];
                    var text = Value();
                    return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : throw new ArgumentException($"{name} '{text}' is not a date in the form yyyy-MM-dd");
                }

                switch (args[i])
                {
                    case "--archive": archivePath = Value(); break;
                    case "--digests": digests = Value(); break;
                    case "--config": config = Value(); break;
                    case "--from": from = Date(); break;
                    case "--to": to = Date(); break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default: throw new ArgumentException($"unknown argument '{args[i]}'");
                }
            }

            if (archivePath is null || (digests is null) == (from is null || to is null) || (digests is not null && (config is not null || from is not null || to is not null)))
            {
                throw new ArgumentException("give --archive and either --digests or --from and --to");
            }
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var archive = new SqliteStoryArchive(archivePath);
        StoryArchiveBackfillResult result;
        try
        {
            if (digests is not null)
            {
                result = await new StoryArchiveBackfill(archive).FromDigestsAsync(digests);
            }
            else
            {
                var configuration = TopicConfigurationLoader.LoadFile(config ?? Path.Combine(AppContext.BaseDirectory, "snapshot", "topics.yaml"));
                var services = new ServiceCollection();
                var builder = services.AddNewsPerspectives();
                if (configuration.Outlets is { } outlets)
                {
                    builder.UseOutletRegistry(outlets);
                }

                await using var provider = services.BuildServiceProvider();
                var runAt = configuration.AsOf is { } asOf ? TimeOnly.FromTimeSpan(asOf.UtcDateTime.TimeOfDay) : new TimeOnly(23, 59, 59);
                result = await new StoryArchiveBackfill(archive, provider.GetRequiredService<IStoryClusterer>())
                    .FromFeedsAsync(provider.GetRequiredService<DigestPipeline>(), configuration.Topics, from!.Value, to!.Value, runAt);
            }
        }
        catch (Exception ex) when (ex is NewsPerspectivesException or IOException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{archive.Path}: recorded {result.Days} topic days, {result.Stories} stories, {result.Continuations} continuing an earlier one"));
        foreach (var line in result.Skipped)
        {
            Console.WriteLine($"  skipped {line}");
        }

        foreach (var line in result.Refused)
        {
            Console.Error.WriteLine($"  refused {line}");
        }

        return result.Refused.Count == 0 ? 0 : 1;
    }
}
