using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Vim;

namespace VcSync.Sync.Incremental;

/// <summary>A vCenter session kept between runs: resumed at the start of a sync, let go of (not logged out) at its end.</summary>
internal static partial class KeptSession
{
    /// <summary>Resumes a kept session; false (and the cookie forgotten) when it has ended, expired or vCenter restarted.</summary>
    public static async Task<bool> ResumeAsync(
        ILogger logger, VimClient client, ISessionCookieStore sessions, VCenterRow vcenter, string cookie, CancellationToken cancellationToken)
    {
        client.ResumeSession(cookie);
        if (await client.IsSessionActiveAsync(cancellationToken))
        {
            return true;
        }

        LogSessionEnded(logger, vcenter.Name);
        sessions.Forget(client.SdkUri, vcenter.Username);
        return false;
    }

    /// <summary>Keeps the cookie for the next sync; a failure to write it only costs the next sync a login.</summary>
    public static void Save(ILogger logger, ISessionCookieStore sessions, Uri sdk, string username, string cookie)
    {
        try
        {
            sessions.Save(sdk, username, cookie);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSessionNotSaved(logger, OneLine.Of(exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The kept session on {VCenter} has ended; logging in")]
    private static partial void LogSessionEnded(ILogger logger, string vcenter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the vCenter session for the next sync: {Error}")]
    private static partial void LogSessionNotSaved(ILogger logger, string error);
}
