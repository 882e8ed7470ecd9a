using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsPerspectives;

namespace DailyWorker;

/// <summary>
/// The worker's Generic Host: configuration (appsettings.json beside the program, environment variables, the command
/// line), the library registered from the <c>NewsPerspectives</c> section, the worker's options checked at start, and
/// the <see cref="DigestWorker"/> service. <see cref="RunAsync"/> is <c>Main</c>.
/// </summary>
internal static class WorkerHost
{
    /// <summary>The configuration section of the library: its <c>topics</c>, <c>settings</c>, <c>options</c> and <c>http</c>.</summary>
    public const string NewsPerspectivesSection = "NewsPerspectives";

    /// <summary>Runs the worker: parses the command line, builds and starts the host, and returns the exit code (<see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var commandLine = WorkerCommandLine.Parse(args);
        if (commandLine.Error is { } error)
        {
            await Console.Error.WriteLineAsync($"error: {error}\nusage: DailyWorker [--once] [--live] [--strict] [--topic ID]... [--Section:Key=value]...; see --help");
            return ExitCodes.StartFailed;
        }

        if (commandLine.ShowHelp)
        {
            await Console.Out.WriteLineAsync(WorkerCommandLine.Help);
            return ExitCodes.Ok;
        }

        IHost host;
        try
        {
            host = CreateBuilder(commandLine).Build();
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}"); // e.g. Worker:Live is not true or false
            return ExitCodes.StartFailed;
        }

        using (host)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost).Namespace!);
            try
            {
                await host.StartAsync();
            }
            catch (Exception ex)
            {
                foreach (var problem in StartProblems(ex))
                {
                    logger.StartFailed(problem);
                }

                return ExitCodes.StartFailed;
            }

            await host.WaitForShutdownAsync();
            return host.Services.GetRequiredService<WorkerExit>().Code;
        }
    }

    /// <summary>The host builder, ready to build (tests add to it, such as a fake clock).</summary>
    /// <param name="commandLine">The parsed command line.</param>
    public static HostApplicationBuilder CreateBuilder(WorkerCommandLine commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. commandLine.ConfigurationArguments],
            // appsettings.json and the snapshot sit beside the program, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSystemd(); // journal-friendly logs and readiness under systemd (Type=notify); nothing elsewhere

        var worker = builder.Configuration.GetSection(WorkerOptions.SectionName);
        var library = builder.Configuration.GetSection(NewsPerspectivesSection);
        bool topicsInSection = library.GetSection("topics").Exists() || library.GetSection("settings").Exists();
        builder.Services.AddOptions<WorkerOptions>()
            .Bind(worker, o => o.ErrorOnUnknownConfiguration = true)
            .PostConfigure(commandLine.ApplyTo)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkerOptions>>(sp => new WorkerOptionsValidator(sp, topicsInSection));

        // Options, http settings and (when the section has them) the topics, all checked at start.
        var newsPerspectives = builder.Services.AddNewsPerspectives(library);
        bool live = commandLine.Live || worker.GetValue<bool>(nameof(WorkerOptions.Live));
        if (live)
        {
            newsPerspectives.AddHttpFeeds();
        }

        if (!topicsInSection)
        {
            // The topics file, read by the library's loader (paths in it are relative to it); loaded once, at start.
            var path = worker[nameof(WorkerOptions.TopicsFile)] is { Length: > 0 } file
                ? Path.GetFullPath(file)
                : Path.Combine(AppContext.BaseDirectory, "snapshot", live ? "seed-topics.json" : "topics.yaml");
            var topics = new Lazy<NewsPerspectivesConfiguration>(() => TopicConfigurationLoader.LoadFile(path));
            builder.Services.TryAddSingleton(_ => topics.Value);
        }

        builder.Services.AddSingleton<WorkerExit>();
        builder.Services.AddSingleton<DailyRun>();
        builder.Services.AddHostedService<DigestWorker>();
        return builder;
    }

    /// <summary>The messages of a failed start: each failed option (once each: a bad library option fails both its own check and the creation of the services that use it), or the error that stopped it.</summary>
    private static List<string> StartProblems(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(StartProblems).Distinct(StringComparer.Ordinal).ToList(),
        OptionsValidationException validation => [.. validation.Failures],
        NewsPerspectivesException problem => [problem.Message], // a topics file or section that does not load
        InvalidOperationException invalid => [invalid.Message], // a configuration value of the wrong type, an unknown key
        _ => [$"{exception.GetType().Name}: {exception.Message}"],
    };
}
