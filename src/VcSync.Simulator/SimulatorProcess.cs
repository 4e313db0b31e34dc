using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VcSync.Simulator;

/// <summary>
/// A running <c>vcsim-vcsync</c> process: a vCenter simulator on a loopback HTTPS port, with methods for the
/// test control endpoint. Dispose it to stop the process (stdin is closed, then the process is killed after a grace period).
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private const int MaxStderrChars = 64 * 1024;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly string _binary;
    private readonly StringBuilder _stderr = new();
    private Process? _process;
    private ControlClient? _control;
    private StartupLine _startup = StartupLine.Empty;
    private int _port;

    private SimulatorProcess(SimulatorOptions options, string binary)
    {
        Options = options;
        _binary = binary;
        _port = options.Port ?? 0;
    }

    /// <summary>The options the simulator was started with.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>The SDK endpoint, e.g. <c>https://127.0.0.1:PORT/sdk</c>.</summary>
    public Uri SdkUrl => new(_startup.Url);

    /// <summary>The user name Login accepts.</summary>
    public string Username => _startup.Username;

    /// <summary>The password Login accepts.</summary>
    public string Password => _startup.Password;

    /// <summary>SHA-256 of the server certificate (DER), lower-case hex without colons.</summary>
    public string Thumbprint => _startup.Thumbprint;

    /// <summary>Process id of the simulator.</summary>
    public int Pid => _startup.Pid;

    /// <summary>The TCP port (kept across <see cref="RestartAsync"/>).</summary>
    public int Port => _port;

    /// <summary><c>about.apiVersion</c> the simulator reports.</summary>
    public string ApiVersion => _startup.ApiVersion;

    /// <summary><c>about.instanceUuid</c> (stable for a given seed).</summary>
    public string InstanceUuid => _startup.InstanceUuid;

    /// <summary>How long the simulator took from exec to listening, as it reported.</summary>
    public TimeSpan StartupTime => TimeSpan.FromMilliseconds(_startup.StartupMs);

    /// <summary>Number of VMs, hosts, datastores and clusters generated.</summary>
    public (int Vms, int Hosts, int Datastores, int Clusters) Counts => (_startup.Vms, _startup.Hosts, _startup.Datastores, _startup.Clusters);

    /// <summary>Whether the process has exited (killed, crashed or stopped).</summary>
    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>What the simulator wrote on stderr so far (the last 64 KB).</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Builds the simulator if needed, starts it and waits until it listens.</summary>
    public static async Task<SimulatorProcess> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var binary = await SimulatorBinary.ResolveAsync(options, cancellationToken).ConfigureAwait(false);
        var simulator = new SimulatorProcess(options, binary);
        try
        {
            await simulator.LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return simulator;
    }

    /// <summary>Number of paged results (tokens) opened and neither read to the end nor cancelled.</summary>
    public async Task<int> GetOpenTokenCountAsync(CancellationToken cancellationToken = default)
    {
        var res = await ControlAsync(new JsonObject { ["op"] = "tokens" }, cancellationToken).ConfigureAwait(false);
        return res["openTokens"]!.GetValue<int>();
    }

    /// <summary>Tokens, delay, pending injections and SOAP call counts.</summary>
    public async Task<SimulatorStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var res = await ControlAsync(new JsonObject { ["op"] = "status" }, cancellationToken).ConfigureAwait(false);
        var calls = res["calls"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>()) ?? [];
        return new SimulatorStatus(
            res["openTokens"]!.GetValue<int>(),
            res["delayMs"]!.GetValue<long>(),
            res["pendingInjections"]!.GetValue<int>(),
            calls,
            res["totalCalls"]!.GetValue<long>(),
            res["triggeredAlarms"]!.GetValue<int>(),
            res["openSessions"]!.GetValue<int>());
    }

    /// <summary>Resets the SOAP call counters.</summary>
    public Task ResetCallCountsAsync(CancellationToken cancellationToken = default) =>
        ControlAsync(new JsonObject { ["op"] = "resetStats" }, cancellationToken);

    /// <summary>Sets the delay added to every SOAP call.</summary>
    public Task SetDelayAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        ControlAsync(new JsonObject { ["op"] = "setDelay", ["delayMs"] = (long)delay.TotalMilliseconds }, cancellationToken);

    /// <summary>Makes the next calls fail as described.</summary>
    public Task InjectFaultAsync(FaultInjection injection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(injection);
        var inject = new JsonObject { ["method"] = injection.Method, ["count"] = injection.Count };
        if (injection.Fault is not null)
        {
            inject["fault"] = injection.Fault;
        }

        if (injection.MissingSet is not null)
        {
            inject["missingSet"] = injection.MissingSet;
        }

        return ControlAsync(new JsonObject { ["op"] = "inject", ["inject"] = inject }, cancellationToken);
    }

    /// <summary>Forgets every pending injected failure.</summary>
    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) =>
        ControlAsync(new JsonObject { ["op"] = "clearInjections" }, cancellationToken);

    /// <summary>Invalidates every session handed out so far (their tokens are dropped); returns how many.</summary>
    public async Task<int> ExpireSessionsAsync(CancellationToken cancellationToken = default)
    {
        var res = await ControlAsync(new JsonObject { ["op"] = "expireSessions" }, cancellationToken).ConfigureAwait(false);
        return res["expired"]!.GetValue<int>();
    }

    /// <summary>The triggered alarms (one per key, before propagation to ancestors).</summary>
    public async Task<IReadOnlyList<SimulatorAlarm>> GetTriggeredAlarmsAsync(CancellationToken cancellationToken = default)
    {
        var res = await ControlAsync(new JsonObject { ["op"] = "listAlarms" }, cancellationToken).ConfigureAwait(false);
        return res["alarms"]!.AsArray().Select(a => ToAlarm(a!.AsObject())).ToList();
    }

    /// <summary>Clears a triggered alarm: it disappears from its entity and every ancestor.</summary>
    public Task ClearAlarmAsync(string key, CancellationToken cancellationToken = default) =>
        ControlAsync(new JsonObject { ["op"] = "clearAlarm", ["key"] = key }, cancellationToken);

    /// <summary>Acknowledges a triggered alarm (acknowledged, acknowledgedByUser, acknowledgedTime = now).</summary>
    public Task AcknowledgeAlarmAsync(string key, string? user = null, CancellationToken cancellationToken = default)
    {
        var req = new JsonObject { ["op"] = "acknowledgeAlarm", ["key"] = key };
        if (user is not null)
        {
            req["user"] = user;
        }

        return ControlAsync(req, cancellationToken);
    }

    /// <summary>Triggers an alarm on an entity (moref value or name); <paramref name="alarm"/> is an alarm moref
    /// (<c>alarm-101</c>) or name (<c>Host CPU usage</c>). Returns the alarm key.</summary>
    public async Task<string> TriggerAlarmAsync(string entity, string alarm, string status = "red", CancellationToken cancellationToken = default)
    {
        var res = await ControlAsync(
            new JsonObject { ["op"] = "addAlarm", ["entity"] = entity, ["alarm"] = alarm, ["status"] = status },
            cancellationToken).ConfigureAwait(false);
        return res["key"]!.GetValue<string>();
    }

    /// <summary>Sets a host's <c>hardware.systemInfo.serialNumber</c> (empty string unsets it; null leaves it) and/or
    /// replaces its <c>otherIdentifyingInfo</c> (null leaves it). <paramref name="host"/> is a moref value or a name.</summary>
    public Task SetHostSerialAsync(string host, string? serialNumber, IReadOnlyList<HostIdentifier>? otherIdentifyingInfo = null, CancellationToken cancellationToken = default)
    {
        var req = new JsonObject { ["op"] = "setHostSerial", ["host"] = host };
        if (serialNumber is not null)
        {
            req["serialNumber"] = serialNumber;
        }

        if (otherIdentifyingInfo is not null)
        {
            req["otherIdentifyingInfo"] = new JsonArray(otherIdentifyingInfo
                .Select(i => (JsonNode)new JsonObject { ["key"] = i.Key, ["value"] = i.Value, ["label"] = i.Label })
                .ToArray());
        }

        return ControlAsync(req, cancellationToken);
    }

    /// <summary>Raw access to the control endpoint (see test/Simulator/README.md for the operations).</summary>
    public Task<JsonObject> ControlAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var control = _control ?? throw new SimulatorException("The simulator is not running.");
        return control.SendAsync(request, cancellationToken);
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the process if it runs, then starts it again on the same port with the same options
    /// (same seed: the same inventory, morefs and certificate; changes made since are lost).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync(cancellationToken).ConfigureAwait(false);
        CleanUpProcess();
        await LaunchAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the process: closes its stdin, then kills it after a grace period.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false } process)
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }

            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        CleanUpProcess();
    }

    /// <summary>Stops the process (see <see cref="StopAsync"/>).</summary>
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private void CleanUpProcess()
    {
        _control?.Dispose();
        _control = null;
        _process?.Dispose();
        _process = null;
    }

    private List<string> Arguments()
    {
        var o = Options;
        var args = new List<string> { "-size", o.Size, "-seed", o.Seed.ToString(CultureInfo.InvariantCulture) };
        void Add(string flag, object? value)
        {
            if (value is not null)
            {
                args.Add(flag);
                args.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }
        }

        Add("-vms", o.Vms);
        Add("-hosts", o.Hosts);
        Add("-clusters", o.Clusters);
        Add("-standalone", o.StandaloneHosts);
        Add("-datastores", o.Datastores);
        Add("-portgroups", o.Portgroups);
        Add("-delay", o.Delay > TimeSpan.Zero ? (long)o.Delay.TotalMilliseconds : null);
        Add("-max-page", o.MaxPage);
        Add("-default-page", o.DefaultPage);
        Add("-port", _port > 0 ? _port : null);
        Add("-username", o.Username);
        Add("-password", o.Password);
        Add("-api-version", o.ApiVersion);
        Add("-version", o.Version);
        args.AddRange(o.ExtraArguments);
        return args;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(_binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments())
        {
            psi.ArgumentList.Add(arg);
        }

        lock (_stderr)
        {
            _stderr.Clear();
        }

        var process = Process.Start(psi) ?? throw new SimulatorException("Cannot start " + _binary);
        _process = process;
        _ = PumpStderrAsync(process.StandardError);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.StartTimeout);
        string? line;
        try
        {
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            }
            while (line is not null && !line.StartsWith('{'));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SimulatorException($"The simulator did not start within {Options.StartTimeout}.{Environment.NewLine}{StandardError}");
        }

        if (line is null)
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false); // let stderr drain
            throw new SimulatorException(
                $"The simulator exited with code {process.ExitCode} before listening:{Environment.NewLine}{StandardError}");
        }

        _startup = JsonSerializer.Deserialize(line, SimulatorJsonContext.Default.StartupLine)
            ?? throw new SimulatorException("Unreadable start-up line: " + line);
        _port = _startup.Port;
        _control = new ControlClient(SdkUrl, Thumbprint);
        _ = DrainAsync(process.StandardOutput);
    }

    private async Task PumpStderrAsync(StreamReader reader)
    {
        string? line;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            lock (_stderr)
            {
                _stderr.AppendLine(line);
                if (_stderr.Length > MaxStderrChars)
                {
                    _stderr.Remove(0, _stderr.Length - MaxStderrChars);
                }
            }
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }
    }

    private static SimulatorAlarm ToAlarm(JsonObject a) => new(
        a["key"]!.GetValue<string>(),
        a["entity"]!.GetValue<string>(),
        a["entityType"]!.GetValue<string>(),
        a["alarm"]!.GetValue<string>(),
        a["overallStatus"]!.GetValue<string>(),
        DateTimeOffset.Parse(a["time"]!.GetValue<string>(), CultureInfo.InvariantCulture),
        a["acknowledged"]!.GetValue<bool>(),
        a["acknowledgedByUser"]?.GetValue<string>(),
        a["acknowledgedTime"] is { } t ? DateTimeOffset.Parse(t.GetValue<string>(), CultureInfo.InvariantCulture) : null);
}
