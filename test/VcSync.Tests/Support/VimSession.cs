using VcSync.Simulator;
using VcSync.Vim;
using VcSync.Vim.Values;

namespace VcSync.Tests.Support;

/// <summary>Changes the simulator's inventory through the vSphere API, as an administrator would.</summary>
public static class VimSession
{
    /// <summary>A client logged in to <paramref name="simulator"/>, pinned to its certificate.</summary>
    public static async Task<VimClient> LoginAsync(SimulatorProcess simulator)
    {
        var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint },
            TestContext.Current.CancellationToken);
        await client.LoginAsync(simulator.Username, simulator.Password, TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>Calls a <c>*_Task</c> method and waits for the task to succeed.</summary>
    public static async Task RunTaskAsync(
        VimClient client, string method, ManagedObjectReference target, params KeyValuePair<string, object?>[] args)
    {
        var task = await client.InvokeAsync(method, target, args, TestContext.Current.CancellationToken);
        await client.WaitForTaskAsync(
            task as ManagedObjectReference ?? throw new InvalidOperationException($"{method} returned no task."),
            TestContext.Current.CancellationToken);
    }
}
