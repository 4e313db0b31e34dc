using System.Diagnostics;
using System.Text;

namespace VcSync.Simulator;

/// <summary>Finds the simulator binary and builds it with test/Simulator/build.sh when it is missing or stale.</summary>
internal static class SimulatorBinary
{
    private const string BuildScript = "test/Simulator/build.sh";
    private static readonly SemaphoreSlim BuildGate = new(1, 1);

    public static async Task<string> ResolveAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        var explicitPath = options.BinaryPath ?? Environment.GetEnvironmentVariable("VCSYNC_SIMULATOR");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new SimulatorException($"Simulator binary not found: {explicitPath}");
        }

        var root = FindRepositoryRoot()
            ?? throw new SimulatorException(
                $"Cannot find {BuildScript} above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; set VCSYNC_SIMULATOR to the vcsim-vcsync binary.");
        var simulatorDir = Path.Combine(root, "test", "Simulator");
        var binary = Path.Combine(simulatorDir, "bin", "vcsim-vcsync");
        if (!NeedsBuild(simulatorDir, binary))
        {
            return binary;
        }

        await BuildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.Combine(simulatorDir, "bin"));
            await using var fileLock = await AcquireFileLockAsync(Path.Combine(simulatorDir, "bin", ".build.lock"), cancellationToken).ConfigureAwait(false);
            if (NeedsBuild(simulatorDir, binary))
            {
                await RunBuildAsync(Path.Combine(simulatorDir, "build.sh"), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            BuildGate.Release();
        }

        return File.Exists(binary) ? binary : throw new SimulatorException($"build.sh did not produce {binary}");
    }

    /// <summary>Walks up from the application directory (then the current directory) to the directory
    /// holding test/Simulator/build.sh.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, BuildScript)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static bool NeedsBuild(string simulatorDir, string binary)
    {
        if (!File.Exists(binary))
        {
            return true;
        }

        var built = File.GetLastWriteTimeUtc(binary);
        var sources = Directory.EnumerateFiles(Path.Combine(simulatorDir, "vcsim"), "*.go")
            .Append(Path.Combine(simulatorDir, "build.sh"));
        return sources.Any(source => File.GetLastWriteTimeUtc(source) > built);
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunBuildAsync(string script, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        using var process = Process.Start(psi) ?? throw new SimulatorException("Cannot start bash for " + script);
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new SimulatorException($"{script} failed with exit code {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        string? line;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }
}
