using VcSync.Vim.Faults;
using VcSync.Vim.Values;

namespace VcSync.Vim;

/// <summary>Maps the generically decoded <c>ServiceContent</c> to <see cref="ServiceContent"/>.</summary>
internal static class ServiceContentMapper
{
    public static ServiceContent Map(DataObject? content)
    {
        if (content is null)
        {
            throw new VimProtocolException("RetrieveServiceContent returned nothing.");
        }

        var about = content["about"] as DataObject ?? throw new VimProtocolException("The service content has no about.");
        return new ServiceContent(
            Reference(content, "rootFolder"),
            Reference(content, "propertyCollector"),
            Reference(content, "viewManager"),
            Reference(content, "sessionManager"),
            new AboutInfo(
                Text(about, "name"),
                Text(about, "fullName"),
                Text(about, "version"),
                Text(about, "build"),
                Text(about, "apiVersion"),
                Text(about, "apiType"),
                about["instanceUuid"] as string),
            content);
    }

    private static ManagedObjectReference Reference(DataObject content, string field) =>
        content[field] as ManagedObjectReference ?? throw new VimProtocolException($"The service content has no {field}.");

    private static string Text(DataObject about, string field) => about[field] as string ?? string.Empty;
}
