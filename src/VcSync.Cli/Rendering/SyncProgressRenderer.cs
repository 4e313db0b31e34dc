using System.Globalization;
using Spectre.Console;
using VcSync.Sync.Progress;

namespace VcSync.Cli.Rendering;

/// <summary>Shows a sync's progress: a live bar per phase on a terminal, plain lines on standard error otherwise.</summary>
internal static class SyncProgressRenderer
{
    public static async Task<T> RunAsync<T>(bool quiet, Func<IProgress<SyncProgressUpdate>, Task<T>> sync)
    {
        if (quiet)
        {
            return await sync(new PlainProgress(quietRunning: true));
        }

        if (!CliConsole.ErrorIsTerminal)
        {
            return await sync(new PlainProgress(quietRunning: false));
        }

        return await CliConsole.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new BarProgress(context);
                return await sync(bars);
            });
    }

    private sealed class BarProgress(ProgressContext context) : IProgress<SyncProgressUpdate>
    {
        private readonly Dictionary<SyncPhase, ProgressTask> _tasks = [];

        public void Report(SyncProgressUpdate value)
        {
            if (!_tasks.TryGetValue(value.Phase, out var task))
            {
                task = context.AddTask(Markup.Escape(value.Message), maxValue: 100);
                _tasks[value.Phase] = task;
            }

            task.Description = Markup.Escape($"{value.Phase.ToString().ToLowerInvariant(),-9} {value.Message}");
            task.IsIndeterminate = value.State == SyncPhaseState.Running && value.Percent == 0 && value.ObjectsExpected is null
                && value.ObjectsFetched > 0;
            task.Value = value.State == SyncPhaseState.Completed ? 100 : value.Percent;
            if (value.State is SyncPhaseState.Completed or SyncPhaseState.Failed or SyncPhaseState.Cancelled)
            {
                task.IsIndeterminate = false;
                task.StopTask();
            }
        }
    }

    private sealed class PlainProgress(bool quietRunning) : IProgress<SyncProgressUpdate>
    {
        private long _lastFetchLine;

        public void Report(SyncProgressUpdate value)
        {
            if (value.State == SyncPhaseState.Running && value.ObjectsFetched > 0)
            {
                // Piped output gets a fetch line per 10,000 objects, not per page.
                if (quietRunning || value.ObjectsFetched - _lastFetchLine < 10_000)
                {
                    return;
                }

                _lastFetchLine = value.ObjectsFetched;
            }
            else if (quietRunning && value.State == SyncPhaseState.Running)
            {
                return;
            }

            var state = value.State.ToString().ToLowerInvariant();
            CliConsole.Status(string.Create(
                CultureInfo.InvariantCulture, $"{value.Phase.ToString().ToLowerInvariant()}: {state}: {value.Message}"));
        }
    }
}
