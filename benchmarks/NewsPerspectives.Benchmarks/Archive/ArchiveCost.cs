using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks.Archive;

/// <summary>
/// The story archive's cost: builds a SQLite archive of N stories (default 150,000: the snapshot's five topics, 100
/// stories a day each, on the days before the snapshot's, with real seed headlines), printing the file size as days
/// accumulate; then times one day's lookup and record of each snapshot topic's real stories against it, beside the
/// pipeline run that made them.
/// </summary>
/// <remarks>usage: archive-cost [STORIES] [ITERATIONS]. Timings come from a shared machine: read the ratio.</remarks>
internal static class ArchiveCost
{
    private const int StoriesPerTopicDay = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150_000;
        int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "NewsPerspectives.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var config = TopicConfigurationLoader.LoadFile(Path.Combine(root!, "samples", "NewsPerspectives.Cli", "snapshot", "topics.yaml"));
        var asOf = config.AsOf!.Value;
        var runDay = DateOnly.FromDateTime(asOf.UtcDateTime);
        var pool = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "headlines", "seed-headlines.tsv"))
            .Select(l => l.Split('\t')).Where(f => f.Length >= 4)
            .GroupBy(f => f[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => (Outlet: f[1], Title: f[3])).ToArray(), StringComparer.Ordinal);

        var folder = Directory.CreateTempSubdirectory("np-archive-cost-").FullName;
        var path = Path.Combine(folder, "archive.db");
        try
        {
            await using var archive = new SqliteStoryArchive(path);
            int days = (int)Math.Ceiling(total / (double)(StoriesPerTopicDay * config.Topics.Count));
            var first = runDay.AddDays(-days);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"archive-cost: {days} days x {config.Topics.Count} topics x {StoriesPerTopicDay} stories, {first:yyyy-MM-dd}..{runDay.AddDays(-1):yyyy-MM-dd}"));
            Console.WriteLine("  days | stories | file bytes | bytes per story");
            var build = Stopwatch.StartNew();
            int stories = 0;
            for (int d = 0; d < days; d++)
            {
                foreach (var topic in config.Topics)
                {
                    var headlines = pool[topic.Id];
                    var run = new StoryArchiveRun
                    {
                        TopicId = topic.Id,
                        Date = first.AddDays(d),
                        SideIds = topic.Sides.Select(s => s.Id).ToArray(),
                        Stories = Enumerable.Range(0, StoriesPerTopicDay).Select(k =>
                        {
                            // A sliding window over the topic's real headlines: most of a day's stories ran the day before too.
                            var (outlet, title) = headlines[((d * 37) + k) % headlines.Length];
                            return new StorySnapshot
                            {
                                Id = "s" + k.ToString(CultureInfo.InvariantCulture),
                                Headline = title,
                                Terms = HeadlineTerms.Terms(title),
                                Coverage = [new SideCoverage { SideId = topic.Sides[k % topic.Sides.Count].Id, Articles = 1 + (k % 3), FirstPublished = new DateTimeOffset(first.AddDays(d).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero) }],
                                Outlets = [outlet],
                            };
                        }).ToArray(),
                    };
                    stories += (await archive.RecordAsync(run)).Count;
                }

                if ((d + 1) % 50 == 0 || d == days - 1)
                {
                    long bytes = FileBytes(path);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {d + 1,4} | {stories,7} | {bytes,10} | {bytes / (double)stories,8:F0}"));
                }
            }

            build.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  built in {build.Elapsed.TotalSeconds:F1} s ({build.Elapsed.TotalMilliseconds / (days * config.Topics.Count):F1} ms per topic day of {StoriesPerTopicDay} stories)"));

            var services = new ServiceCollection();
            services.AddNewsPerspectives();
            await using var provider = services.BuildServiceProvider();
            var pipeline = provider.GetRequiredService<DigestPipeline>();
            var runs = new List<StoryArchiveRun>();
            foreach (var topic in config.Topics)
            {
                runs.Add(StoryArchiveRun.FromDigest((await pipeline.RunAsync(topic, asOf)).Digest)); // warm-up
            }

            var pipelineTime = new List<double>();
            var lookupTime = new List<double>();
            var recordTime = new List<double>();
            var cpu = new double[3];
            var process = Process.GetCurrentProcess();
            double Cpu()
            {
                process.Refresh();
                return process.TotalProcessorTime.TotalMilliseconds;
            }

            int continued = 0;
            for (int i = 0; i < iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                double used = Cpu();
                foreach (var topic in config.Topics)
                {
                    await pipeline.RunAsync(topic, asOf);
                }

                pipelineTime.Add(clock.Elapsed.TotalMilliseconds);
                cpu[0] += Cpu() - used;
                // Each iteration is the next day (the snapshot's stories again): a daily run's lookup and record of a new day.
                var today = runs.Select(r => new StoryArchiveRun { TopicId = r.TopicId, Date = runDay.AddDays(i), SideIds = r.SideIds, Stories = r.Stories }).ToArray();
                clock.Restart();
                used = Cpu();
                foreach (var run in today)
                {
                    continued += (await archive.FindContinuationsAsync(run)).Count;
                }

                lookupTime.Add(clock.Elapsed.TotalMilliseconds);
                cpu[1] += Cpu() - used;
                clock.Restart();
                used = Cpu();
                foreach (var run in today)
                {
                    await archive.RecordAsync(run);
                }

                recordTime.Add(clock.Elapsed.TotalMilliseconds);
                cpu[2] += Cpu() - used;
            }

            double pipelineMs = Median(pipelineTime);
            double lookupMs = Median(lookupTime);
            double recordMs = Median(recordTime);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  one day of the snapshot's 5 topics ({runs.Sum(r => r.Stories.Count)} stories; median of {iterations}): pipeline {pipelineMs:F1} ms, archive lookup {lookupMs:F1} ms, record (lookup included) {recordMs:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  wall: the archive adds {100 * recordMs / pipelineMs:F1}% to the run (record, which looks up, over the pipeline); lookup alone {100 * lookupMs / pipelineMs:F1}%"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cpu:  pipeline {cpu[0] / iterations:F1} ms, lookup {cpu[1] / iterations:F1} ms ({100 * cpu[1] / cpu[0]:F1}%), record {cpu[2] / iterations:F1} ms ({100 * cpu[2] / cpu[0]:F1}%); {continued / iterations} continuations found a day"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long FileBytes(string path) =>
        new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
