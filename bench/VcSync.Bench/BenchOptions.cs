using System.Globalization;

namespace VcSync.Bench;

/// <summary>The bench's command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage =
        """
        Usage: dotnet run -c Release --project bench/VcSync.Bench -- [options]
          --sizes plan,10k,max      simulator worlds to measure (small, plan, 10k, max)
          --repetitions N           timed repetitions after one warm-up (default 5; 3 at max)
          --py-repetitions N        timed pyVmomi fetches after one warm-up (default 3)
          --page-size N|server      maxObjects to ask for (default: SyncTarget's default)
          --probe-pages LIST        page sizes to compare for the fetch, e.g. server,500,1000,5000 (default at 10k)
          --no-postgres             skip the PostgreSQL syncs
          --no-pyvmomi              skip pyVmomi
          --fetch-only              only the wire floor and our fetch (no syncs, pyVmomi or child runs)
          --pin                     simulator on CPU 1, the bench and its PostgreSQL server on CPU 0 (taskset)
          --out FILE                also write the markdown report to FILE
        """;

    public IReadOnlyList<string> Sizes { get; init; } = ["plan", "10k", "max"];

    public int? Repetitions { get; init; }

    public int PyRepetitions { get; init; } = 3;

    /// <summary>Whether <see cref="PageSize"/> was given; otherwise the sync's own default is used.</summary>
    public bool PageSizeGiven { get; init; }

    public int? PageSize { get; init; }

    /// <summary>Page sizes to compare (null = the server's default), or null to probe at 10k with the usual list.</summary>
    public IReadOnlyList<int?>? ProbePages { get; init; }

    public bool Postgres { get; init; } = true;

    public bool PyVmomi { get; init; } = true;

    /// <summary>Whether only the wire floor and the fetch are measured.</summary>
    public bool FetchOnly { get; init; }

    /// <summary>Whether the simulator gets a CPU of its own (<see cref="CpuPinning"/>).</summary>
    public bool Pin { get; init; }

    public string? OutFile { get; init; }

    public int RepetitionsFor(string size) => Repetitions ?? (size == "max" ? 3 : 5);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--repetitions" => options with { Repetitions = PositiveInt(Value()) },
                "--py-repetitions" => options with { PyRepetitions = PositiveInt(Value()) },
                "--page-size" => options with { PageSizeGiven = true, PageSize = PageSizeValue(Value()) },
                "--probe-pages" => options with { ProbePages = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(PageSizeValue).ToArray() },
                "--no-postgres" => options with { Postgres = false },
                "--no-pyvmomi" => options with { PyVmomi = false },
                "--fetch-only" => options with { FetchOnly = true, Postgres = false, PyVmomi = false },
                "--pin" => options with { Pin = true },
                "--out" => options with { OutFile = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        var unknown = options.Sizes.FirstOrDefault(s => s is not ("small" or "plan" or "10k" or "max"));
        return unknown is null ? options : throw new ArgumentException($"Unknown size {unknown} (small, plan, 10k, max).");
    }

    private static int PositiveInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"Expected a positive number, got {value}.");

    private static int? PageSizeValue(string value) => value == "server" ? null : PositiveInt(value);
}
