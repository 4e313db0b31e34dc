namespace VcSync.Storage.Servers;

/// <summary>What one auto-linking pass did.</summary>
/// <param name="AutoLinked">Links made by this pass: a server paired with a host it was not paired with before.</param>
/// <param name="Ambiguous">Hosts in scope whose serial is shared by two or more hosts (any vCenter), so linked to nothing.</param>
/// <param name="Cleared">Links removed because the host disappeared, its serial changed or became ambiguous.</param>
internal sealed record LinkResult(int AutoLinked, int Ambiguous, int Cleared);
