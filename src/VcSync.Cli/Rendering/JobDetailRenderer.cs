using System.Text.Json;
using Spectre.Console;
using VcSync.Storage.Jobs;

namespace VcSync.Cli.Rendering;

/// <summary><c>vcsync jobs show</c> for a person: the job, its tasks, and its result or error.</summary>
internal static class JobDetailRenderer
{
    public static void Render(JobRow job)
    {
        var facts = new Grid().AddColumn().AddColumn();
        foreach (var (key, value) in JobView.Summary(job))
        {
            facts.AddRow(Markup.Escape(key), Markup.Escape(RowTable.Format(value)));
        }

        facts.AddRow("progress", $"{JobView.Progress(job)}%");
        CliConsole.Out.Write(facts);
        var tasks = job.Tasks.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["name"] = t.Name.ToText(),
            ["label"] = t.Label,
            ["status"] = t.Status.ToText(),
            ["progress"] = $"{t.Progress}%",
            ["message"] = t.Message,
            ["started_at"] = t.StartedAt,
            ["completed_at"] = t.CompletedAt,
        }).ToList();
        RowTable.Render(tasks, ["name", "label", "status", "progress", "message", "started_at", "completed_at"], "tasks");
        if (job.Result is not null && JsonSerializer.Deserialize(job.Result, CliConsole.Json.SyncResult) is { } result)
        {
            SyncResultTable.Render(job.TargetVCenterName ?? "vCenter", result);
        }
    }
}
