using VcSync.Vim.Values;

namespace VcSync.Vim;

/// <summary>The server's entry points (<c>RetrieveServiceContent</c>), of which the client uses a few.</summary>
/// <param name="RootFolder">The root of the inventory.</param>
/// <param name="PropertyCollector">The session's PropertyCollector.</param>
/// <param name="ViewManager">Creates container views.</param>
/// <param name="SessionManager">Login and logout.</param>
/// <param name="About">The product and API version.</param>
/// <param name="Content">Every field of the service content, decoded generically (e.g. <c>taskManager</c>, <c>alarmManager</c>).</param>
public sealed record ServiceContent(
    ManagedObjectReference RootFolder,
    ManagedObjectReference PropertyCollector,
    ManagedObjectReference ViewManager,
    ManagedObjectReference SessionManager,
    AboutInfo About,
    DataObject Content);
