using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyWorker;

/// <summary>
/// The service: waits for each run on the schedule (the injected clock), runs the topics, and goes on until the host
/// stops; with <see cref="WorkerOptions.Once"/> it runs once, sets the exit code and stops the host. A failed run is
/// logged and the schedule goes on; Ctrl+C or SIGTERM cancels a wait or a run cleanly.
/// </summary>
/// <param name="services">
/// Gives the <see cref="DailyRun"/> (the pipeline, the publisher, the topics) when the service starts: the host creates
/// its services before it checks the options, and a bad option must be reported by that check, naming the option.
/// </param>
internal sealed class DigestWorker(
    IServiceProvider services,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    WorkerExit exit,
    IHostApplicationLifetime lifetime,
    ILogger<DigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            var run = services.GetRequiredService<DailyRun>();
            if (settings.Once)
            {
                exit.Code = (await RunAsync(run, null, stoppingToken)).ExitCode;
                return;
            }

            var schedule = DigestSchedule.Parse(settings.Schedule, settings.TimeZone, time);
            if (settings.RunOnStart)
            {
                await RunAsync(run, null, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                if (schedule.Next() is not { } next)
                {
                    logger.ScheduleEnded(settings.Schedule);
                    return;
                }

                logger.NextRun(schedule.Local(next), settings.TimeZone, next, settings.Schedule);
                await schedule.WaitUntilAsync(next, stoppingToken);
                await RunAsync(run, next, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting: nothing was in progress. (A stop during a run is reported by the run.)
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RunFailed(ex.Message, ex); // not a run's failure (those are caught below): the service cannot go on
            exit.Code = ExitCodes.TopicsFailed;
        }
        finally
        {
            if (settings.Once || !stoppingToken.IsCancellationRequested)
            {
                lifetime.StopApplication(); // --once is done, or the schedule has ended
            }
        }
    }

    /// <summary>One run; an unexpected failure is logged (and is exit code 1 for --once), so the service never dies of one.</summary>
    private async Task<RunOutcome> RunAsync(DailyRun run, DateTimeOffset? scheduledAt, CancellationToken stoppingToken)
    {
        try
        {
            return await run.RunAsync(scheduledAt, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.RunFailed(ex.Message, ex);
            return new RunOutcome(0, 1, Cancelled: false);
        }
    }
}
