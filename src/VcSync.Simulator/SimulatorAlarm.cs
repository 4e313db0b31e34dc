namespace VcSync.Simulator;

/// <summary>A triggered alarm as the simulator holds it (before propagation up the inventory).</summary>
/// <param name="Key"><c>AlarmState.key</c>, e.g. <c>alarm-101.host-95</c>.</param>
/// <param name="Entity">Moref value of the entity the alarm is on.</param>
/// <param name="EntityType">Managed object type of the entity.</param>
/// <param name="Alarm">Moref value of the <c>Alarm</c>.</param>
/// <param name="OverallStatus"><c>red</c>, <c>yellow</c>, ...</param>
/// <param name="Time">When it triggered.</param>
/// <param name="Acknowledged">Whether it is acknowledged.</param>
/// <param name="AcknowledgedByUser">Who acknowledged it.</param>
/// <param name="AcknowledgedTime">When it was acknowledged.</param>
public sealed record SimulatorAlarm(
    string Key,
    string Entity,
    string EntityType,
    string Alarm,
    string OverallStatus,
    DateTimeOffset Time,
    bool Acknowledged,
    string? AcknowledgedByUser,
    DateTimeOffset? AcknowledgedTime);
