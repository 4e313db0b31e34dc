using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;

namespace VcSync.Tests.Cli;

/// <summary>The CLI's logging is built only when an entry at the command's level comes, and then shows it as before.</summary>
public sealed class DeferredLoggerFactoryTests
{
    [Fact]
    public void Entries_below_the_minimum_build_nothing_and_the_first_one_at_it_reaches_the_real_factory()
    {
        var provider = new CapturingProvider();
        var builds = 0;
        using var factory = new DeferredLoggerFactory(LogLevel.Warning, () =>
        {
            builds++;
            return LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning).AddProvider(provider));
        });

        var logger = factory.CreateLogger("VcSync.Test");
        Assert.False(logger.IsEnabled(LogLevel.Information));
        logger.LogInformation("not shown");
        logger.LogDebug("not shown either");
        Assert.False(factory.IsCreated);
        Assert.Equal(0, builds);

        Assert.True(logger.IsEnabled(LogLevel.Warning));
        logger.LogWarning("shown {Value}", 42);
        logger.LogError("also shown");
        factory.CreateLogger("VcSync.Other").LogWarning("from a logger made after the build");
        Assert.Equal(1, builds);
        Assert.Equal(
            ["Warning VcSync.Test shown 42", "Error VcSync.Test also shown", "Warning VcSync.Other from a logger made after the build"],
            provider.Lines);
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Lines.Add($"{logLevel} {category} {formatter(state, exception)}");
        }
    }
}
