using Cronos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsPerspectives;

namespace DailyWorker;

/// <summary>
/// Checks <see cref="WorkerOptions"/> when the host starts (<c>ValidateOnStart</c>), so a bad setting stops the worker
/// before its first run, naming the configuration key: the schedule, the time zone, the output folder, the formats
/// (against the publisher's formats) and the selected topics (against the configured ones, which are loaded here, so a
/// bad topics file fails the start too).
/// </summary>
/// <param name="services">The services: the publisher and the configured topics.</param>
/// <param name="topicsInSection">Whether the <c>NewsPerspectives</c> section holds the topics (then <see cref="WorkerOptions.TopicsFile"/> must not be set).</param>
internal sealed class WorkerOptionsValidator(IServiceProvider services, bool topicsInSection) : IValidateOptions<WorkerOptions>
{
    private const string Key = WorkerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckSchedule(options, failures);
        if (string.IsNullOrWhiteSpace(options.OutputFolder))
        {
            failures.Add($"{Key}{nameof(WorkerOptions.OutputFolder)} is empty; it must name the output folder");
        }

        CheckFormats(options, failures);
        CheckTopics(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSchedule(WorkerOptions options, List<string> failures)
    {
        try
        {
            if (DigestSchedule.Parse(options.Schedule, options.TimeZone, TimeProvider.System).Next() is null && !options.Once)
            {
                failures.Add($"{Key}{nameof(WorkerOptions.Schedule)} is '{options.Schedule}'; it never occurs again");
            }
        }
        catch (CronFormatException ex)
        {
            failures.Add($"{Key}{nameof(WorkerOptions.Schedule)} is '{options.Schedule}'; it is not a cron expression ({ex.Message}); e.g. '0 5 * * *' for 05:00 every day");
        }
        catch (TimeZoneNotFoundException)
        {
            failures.Add($"{Key}{nameof(WorkerOptions.TimeZone)} is '{options.TimeZone}'; this system knows no such time zone (use an IANA id such as UTC or Europe/Madrid)");
        }
        catch (InvalidTimeZoneException ex)
        {
            failures.Add($"{Key}{nameof(WorkerOptions.TimeZone)} is '{options.TimeZone}'; its data is invalid: {ex.Message}");
        }
    }

    private void CheckFormats(WorkerOptions options, List<string> failures)
    {
        string[] formats;
        try
        {
            formats = [.. services.GetRequiredService<DigestPublisher>().Formats];
        }
        catch (OptionsValidationException)
        {
            return; // the formatters' options are out of range: their own check reports it, and the formats wait for a valid start
        }

        var unknown = options.FormatsToWrite().Where(f => !formats.Contains(f, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            failures.Add($"{Key}{nameof(WorkerOptions.Formats)}: {string.Join(", ", unknown.Select(f => $"'{f}'"))} {(unknown.Length == 1 ? "is not an output format" : "are not output formats")}; valid values: {string.Join(", ", formats)}");
        }
    }

    private void CheckTopics(WorkerOptions options, List<string> failures)
    {
        if (topicsInSection && options.TopicsFile is not null)
        {
            failures.Add($"{Key}{nameof(WorkerOptions.TopicsFile)} is '{options.TopicsFile}' and the {WorkerHost.NewsPerspectivesSection} section has topics too; configure the topics in one place");
            return;
        }

        NewsPerspectivesConfiguration configuration;
        try
        {
            configuration = services.GetRequiredService<NewsPerspectivesConfiguration>();
        }
        catch (ConfigurationException ex)
        {
            failures.Add($"topics: {ex.Message}");
            return;
        }

        var ids = configuration.Topics.Select(t => t.Id).ToArray();
        foreach (var topic in options.Topics ?? [])
        {
            if (!ids.Contains(topic, StringComparer.Ordinal))
            {
                failures.Add($"{Key}{nameof(WorkerOptions.Topics)} (--topic): '{topic}' is not a configured topic; the topics are: {string.Join(", ", ids)}");
            }
        }
    }
}
