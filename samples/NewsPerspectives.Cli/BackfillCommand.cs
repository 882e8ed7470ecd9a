using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Cli;

/// <summary>
/// <c>newsperspectives backfill</c>: builds a SQLite story archive from past digests (<c>--digests DIR</c>) or past feeds
/// (<c>--config FILE --from D --to D</c>), day by day (see docs/stories.md). The work is the library's <see cref="StoryArchiveBackfill"/>.
/// </summary>
internal static class BackfillCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Command Create()
    {
        var archive = new Option<string>("--archive") { Description = "The SQLite story archive to fill (created when missing)", HelpName = "FILE", Required = true };
        var digests = new Option<string?>("--digests") { Description = "Past digests under DIR: JSON digests (--format json) and Hugo posts in the seed's format, recorded oldest day first", HelpName = "DIR" };
        var config = new Option<string?>("--config") { Description = "With --from/--to: topics whose feeds hold the past (default: the bundled offline snapshot)", HelpName = "FILE" };
        var from = new Option<DateOnly?>("--from") { Description = "With --to: run the pipeline for every topic on every day from this one", HelpName = DateFormat, CustomParser = CliOptions.ParseDate };
        var to = new Option<DateOnly?>("--to") { Description = "The last day of --from (inclusive)", HelpName = DateFormat, CustomParser = CliOptions.ParseDate };
        var command = new Command("backfill", "Build a story archive from past digests (--digests) or past feeds (--from/--to), so continuations show from the first run");
        foreach (var option in new Option[] { archive, digests, config, from, to })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            bool byDigests = result.GetResult(digests) is not null;
            bool byFeeds = result.GetResult(from) is not null || result.GetResult(to) is not null || result.GetResult(config) is not null;
            if (byDigests == byFeeds)
            {
                result.AddError("give either --digests DIR or --from and --to (with --config FILE)");
            }
            else if (byFeeds && (result.GetResult(from) is null || result.GetResult(to) is null))
            {
                result.AddError("--from and --to go together");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = new SqliteStoryArchive(parse.GetValue(archive)!);
            StoryArchiveBackfillResult result;
            try
            {
                if (parse.GetValue(digests) is { } folder)
                {
                    result = await new StoryArchiveBackfill(store).FromDigestsAsync(folder, cancellationToken);
                }
                else
                {
                    var configuration = TopicConfigurationLoader.LoadFile(parse.GetValue(config) ?? Path.Combine(AppContext.BaseDirectory, "snapshot", "topics.yaml"));
                    var services = new ServiceCollection();
                    services.AddNewsPerspectives(configuration);
                    await using var provider = services.BuildServiceProvider();
                    var runAt = configuration.AsOf is { } asOf ? TimeOnly.FromTimeSpan(asOf.UtcDateTime.TimeOfDay) : new TimeOnly(23, 59, 59);
                    result = await new StoryArchiveBackfill(store, provider.GetRequiredService<IStoryClusterer>()).FromFeedsAsync(
                        provider.GetRequiredService<DigestPipeline>(), configuration.Topics, parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, runAt, cancellationToken);
                }
            }
            catch (ConfigurationException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"configuration error: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is NewsPerspectivesException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.TopicsFailed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                parse.InvocationConfiguration.Error.WriteLine("cancelled: the days recorded so far are in the archive");
                return ExitCodes.Cancelled;
            }

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Path}: recorded {result.Days} topic days, {result.Stories} stories, {result.Continuations} continuing an earlier one"));
            foreach (var line in result.Skipped)
            {
                output.WriteLine($"  skipped {line}");
            }

            foreach (var line in result.Refused)
            {
                parse.InvocationConfiguration.Error.WriteLine($"  refused {line}");
            }

            return result.Refused.Count == 0 ? ExitCodes.Ok : ExitCodes.TopicsFailed;
        });
        return command;
    }
}
