using System.Runtime.InteropServices;

namespace VcSync.Cli.CommandLine;

/// <summary>
/// SIGINT and SIGTERM for a command that talks to vCenter: the first signal cancels <see cref="Token"/>, so the sync
/// cancels its live PropertyCollector token, destroys its view, logs out and rolls back; should that take longer than
/// <see cref="CleanUpTime"/>, or should a second signal come, the process exits at once with 130 (SIGINT) or 143
/// (SIGTERM).
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    /// <summary>How long the clean-up may take before the process exits regardless: within the 2 s users are promised.</summary>
    public static readonly TimeSpan CleanUpTime = TimeSpan.FromMilliseconds(1800);

    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public SignalCancellation(CancellationToken cancellationToken)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal (or by the caller's token).</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM; null when no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is > 0 and var code ? code : null;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Not the runtime's default (terminate at once): this process ends itself, with its own exit code.
        context.Cancel = true;
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            Environment.Exit(Volatile.Read(ref _exitCode));
            return;
        }

        // The signal thread must not run the cancellation's callbacks (HTTP aborts, logging) nor wait for them.
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                try
                {
                    state._cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The command ended as the signal came.
                }
            },
            this,
            preferLocal: false);
        _ = ExitAfterCleanUpTimeAsync(code);
    }

    private static async Task ExitAfterCleanUpTimeAsync(int code)
    {
        await Task.Delay(CleanUpTime).ConfigureAwait(false);
        Environment.Exit(code);
    }
}
