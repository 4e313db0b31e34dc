namespace VcSync.Storage.Jobs;

/// <summary>A task a new job starts with, <c>pending</c> at 0%.</summary>
/// <param name="Name">The task's name, e.g. <c>inventory</c>.</param>
/// <param name="Label">For a person, e.g. "Fetching inventory".</param>
public sealed record JobTaskDefinition(JobTaskName Name, string Label);
