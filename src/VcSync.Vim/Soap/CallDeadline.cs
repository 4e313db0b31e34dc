using System.Diagnostics;

namespace VcSync.Vim.Soap;

/// <summary>
/// The time budget of one SOAP call. The clock runs only while the call waits on the network (armed), so a slow consumer
/// of a streamed page does not eat the budget. The caller's cancellation reaches network reads after a grace period, so a
/// page in flight can usually still be finished to learn its token.
/// </summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly TimeSpan _budget;
    private readonly TimeSpan _grace;
    private readonly CancellationTokenSource _timeout = new();
    private readonly CancellationTokenSource _callerGrace = new();
    private readonly CancellationTokenSource _linked;
    private readonly CancellationTokenRegistration _callerRegistration;
    private TimeSpan _spent;
    private long _armedAt;
    private int _armCount;

    public CallDeadline(TimeSpan budget, TimeSpan grace, CancellationToken caller)
    {
        _budget = budget;
        _grace = grace;
        Caller = caller;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, _callerGrace.Token);
        if (caller.CanBeCanceled)
        {
            _callerRegistration = caller.Register(static state => ((CallDeadline)state!).OnCallerCanceled(), this);
        }
    }

    /// <summary>Cancels network operations: on timeout, or after the grace period once the caller cancelled.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>The caller's own token.</summary>
    public CancellationToken Caller { get; }

    public TimeSpan Budget => _budget;

    /// <summary>Whether the call ran out of time (rather than being cancelled by its caller).</summary>
    public bool TimedOut => _timeout.IsCancellationRequested && !Caller.IsCancellationRequested;

    /// <summary>Starts the clock; nested calls are counted.</summary>
    public void Arm()
    {
        if (_armCount++ > 0 || _budget == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _armedAt = Stopwatch.GetTimestamp();
        var remaining = _budget - _spent;
        if (remaining <= TimeSpan.Zero)
        {
            _timeout.Cancel();
        }
        else
        {
            _timeout.CancelAfter(remaining);
        }
    }

    /// <summary>Stops the clock, keeping the time spent.</summary>
    public void Disarm()
    {
        if (--_armCount > 0 || _budget == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _spent += Stopwatch.GetElapsedTime(_armedAt);
        if (!_timeout.IsCancellationRequested)
        {
            _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _linked.Dispose();
        _timeout.Dispose();
        _callerGrace.Dispose();
    }

    private void OnCallerCanceled()
    {
        try
        {
            if (_grace <= TimeSpan.Zero)
            {
                _callerGrace.Cancel();
            }
            else
            {
                _callerGrace.CancelAfter(_grace);
            }
        }
        catch (ObjectDisposedException)
        {
            // The call ended while the caller cancelled.
        }
    }
}
