using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace VcSync.Storage.Migrations;

/// <summary>
/// DbUp's progress lines, at Debug: every start of every command migrates, and "no new scripts" on each one is noise
/// at Information. The stores log the scripts they applied themselves.
/// </summary>
internal sealed class DbUpLog(ILogger logger) : IUpgradeLog
{
#pragma warning disable CA2254 // DbUp hands over its own format strings.
    public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

    public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

    public void LogError(string format, params object[] args) => logger.LogError(format, args);

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
#pragma warning restore CA2254
}
