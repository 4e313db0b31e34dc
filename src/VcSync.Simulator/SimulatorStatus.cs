namespace VcSync.Simulator;

/// <summary>What the control endpoint reports about a running simulator.</summary>
/// <param name="OpenTokens">Paged results not yet read to the end nor cancelled.</param>
/// <param name="DelayMs">Current per-call delay.</param>
/// <param name="PendingInjections">Injected failures still to happen.</param>
/// <param name="Calls">SOAP calls per method since start (or the last reset).</param>
/// <param name="TotalCalls">All SOAP calls since start (or the last reset).</param>
/// <param name="TriggeredAlarms">Number of triggered alarms.</param>
/// <param name="OpenSessions">Sessions logged in that have neither logged out nor expired.</param>
public sealed record SimulatorStatus(
    int OpenTokens,
    long DelayMs,
    int PendingInjections,
    IReadOnlyDictionary<string, long> Calls,
    long TotalCalls,
    int TriggeredAlarms,
    int OpenSessions);
