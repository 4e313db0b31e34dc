using VcSync.Vim.Faults;

namespace VcSync.Sync.Reliability;

/// <summary>Which failures of a sync are worth another attempt.</summary>
public static class TransientFailures
{
    /// <summary>
    /// True for what the vSphere client marks transient: a refused or broken connection, a call timeout, HTTP
    /// 502/503/504, a truncated body. False for faults (InvalidLogin, InvalidProperty...), refused certificates,
    /// malformed XML, database errors and cancellation, which would fail the same way again.
    /// </summary>
    public static bool IsTransient(Exception? exception) => exception is VimException { IsTransient: true };
}
