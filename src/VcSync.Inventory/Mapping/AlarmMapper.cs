using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Maps a folder's <c>triggeredAlarmState</c> to <see cref="AlarmRecord"/>s, and an <c>Alarm</c>'s <c>info.name</c> to
/// its name. Entity and alarm names are set by <see cref="ReferenceResolver"/>.
/// </summary>
internal static class AlarmMapper
{
    /// <summary>
    /// The folder's triggered alarms, or null when the server could not read <c>triggeredAlarmState</c>: the alarms
    /// table is then left alone rather than emptied.
    /// </summary>
    public static List<AlarmRecord>? MapTriggered(ObjectContent folder)
    {
        foreach (var missing in folder.MissingSet)
        {
            if (string.Equals(missing.Path, TriggeredAlarmState, StringComparison.Ordinal))
            {
                return null;
            }
        }

        var states = VimValue.AsList(folder[TriggeredAlarmState]);
        var alarms = new List<AlarmRecord>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i] is DataObject state && MapState(state) is { } alarm)
            {
                alarms.Add(alarm);
            }
        }

        return alarms;
    }

    /// <summary>An <c>Alarm</c>'s <c>info.name</c>.</summary>
    public static string? MapName(ObjectContent alarm) => VimValue.AsString(alarm[AlarmInfoName]);

    private static AlarmRecord? MapState(DataObject state)
    {
        var key = state["key"] as string;
        var entity = state["entity"] as ManagedObjectReference;
        var alarm = state["alarm"] as ManagedObjectReference;
        if (key is null || entity is null || alarm is null)
        {
            return null; // Without its key, entity and definition an alarm cannot be a row.
        }

        return new AlarmRecord
        {
            AlarmKey = key,
            EntityMoref = entity.Value,
            EntityType = entity.Type,
            AlarmMoref = alarm.Value,
            OverallStatus = state["overallStatus"] as string,
            TriggeredAt = VimValue.AsUtc(state["time"]),
            Acknowledged = VimValue.AsBool(state["acknowledged"]) ?? false,
            AcknowledgedBy = state["acknowledgedByUser"] as string,
            AcknowledgedAt = VimValue.AsUtc(state["acknowledgedTime"]),
        };
    }
}
