using VcSync.Inventory.Mapping;
using VcSync.Vim.Values;

namespace VcSync.Inventory;

/// <summary>
/// The contract's serial-number rules for <c>vcenter_hosts.serial_number</c>: <c>hardware.systemInfo.serialNumber</c>,
/// else the <c>ServiceTag</c> entry of <c>otherIdentifyingInfo</c> (never <c>EnclosureSerialNumberTag</c>), trimmed,
/// with placeholders read as null.
/// </summary>
public static class ServiceTagRules
{
    /// <summary>The <c>identifierType.key</c> of the host's own service tag.</summary>
    public const string ServiceTagKey = "ServiceTag";

    private static readonly string[] Placeholders =
    [
        "0",
        "None",
        "N/A",
        "Not Specified",
        "Default string",
        "To be filled by O.E.M.",
        "System Serial Number",
    ];

    /// <summary>
    /// The host's serial number from the decoded <c>hardware.systemInfo.serialNumber</c> and
    /// <c>hardware.systemInfo.otherIdentifyingInfo</c> values; null when neither yields a real one.
    /// </summary>
    public static string? FromHost(object? serialNumber, object? otherIdentifyingInfo)
    {
        var serial = Clean(VimValue.AsString(serialNumber));
        return serial ?? FromOtherIdentifyingInfo(otherIdentifyingInfo);
    }

    /// <summary>
    /// The first usable <c>identifierValue</c> among the <c>HostSystemIdentificationInfo</c> entries whose
    /// <c>identifierType.key</c> is <c>ServiceTag</c>; null when there is none.
    /// </summary>
    public static string? FromOtherIdentifyingInfo(object? otherIdentifyingInfo)
    {
        foreach (var entry in VimValue.AsList(otherIdentifyingInfo))
        {
            if (entry is not DataObject info)
            {
                continue;
            }

            var key = info["identifierType"] switch
            {
                DataObject type => VimValue.AsString(type["key"]),
                _ => null,
            };
            if (!string.Equals(key?.Trim(), ServiceTagKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = Clean(VimValue.AsString(info["identifierValue"]));
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value trimmed, or null when it is unset or a placeholder.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = Trim(value);
        return IsPlaceholder(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Whether the value (trimmed, compared case-insensitively) is a placeholder: empty, <c>0</c>, <c>None</c>,
    /// <c>N/A</c>, <c>Not Specified</c>, <c>Default string</c>, <c>To be filled by O.E.M.</c>,
    /// <c>System Serial Number</c>, or made only of dots, zeros and spaces.
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var span = Trim(value).AsSpan();
        var onlyFiller = true;
        foreach (var c in span)
        {
            if (c is not ('.' or '0') && !char.IsWhiteSpace(c))
            {
                onlyFiller = false;
                break;
            }
        }

        if (onlyFiller)
        {
            return true;
        }

        foreach (var placeholder in Placeholders)
        {
            if (span.Equals(placeholder, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The form used to link a host to a Dell server (<c>servers.service_tag</c>): cleaned by these rules and upper-cased;
    /// null when there is no usable serial.
    /// </summary>
    public static string? NormalizeForLinking(string? serial) => Clean(serial)?.ToUpperInvariant();

    // White space, and the NUL padding some firmware leaves in DMI strings.
    private static string Trim(string value) => value.Trim().Trim('\0').Trim();
}
