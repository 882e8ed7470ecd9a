using DailyWorker;

// DailyWorker [--once] [--live] [--strict] [--topic ID]... [--Section:Key=value]...
// A Generic Host whose service runs every configured topic on a cron schedule (Worker:Schedule, Worker:TimeZone) and
// writes each digest to Worker:OutputFolder; --once runs them once and exits. See docs/hosting.md.
return await WorkerHost.RunAsync(args);
