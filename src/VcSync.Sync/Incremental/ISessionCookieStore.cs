namespace VcSync.Sync.Incremental;

/// <summary>
/// Keeps vCenter session cookies between runs, per SDK URL and user, so that an incremental sync reuses its session
/// (and the change collector that lives in it) instead of logging in. A cookie is a credential.
/// </summary>
public interface ISessionCookieStore
{
    /// <summary>The cookie saved for this vCenter and user, or null.</summary>
    string? Load(Uri sdk, string username);

    /// <summary>Saves the cookie, replacing any.</summary>
    void Save(Uri sdk, string username, string cookie);

    /// <summary>Forgets the cookie (its session ended).</summary>
    void Forget(Uri sdk, string username);
}
