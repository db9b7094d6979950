namespace RolloutWorkflows.Worker.Demo;

using Microsoft.Extensions.Logging;

/// <summary>Single-line logs on a given writer (the command's error stream), from a minimum level on.</summary>
public sealed class TextWriterLoggerProvider : ILoggerProvider
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213", Justification = "The writer belongs to the caller.")]
    private readonly TextWriter writer;
    private readonly LogLevel minimum;
    private readonly Lock gate = new();

    public TextWriterLoggerProvider(TextWriter writer, LogLevel minimum)
    {
        this.writer = writer;
        this.minimum = minimum;
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
        // The writer belongs to the caller.
    }

    private sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel.ToString().ToLowerInvariant()}: {category}: {formatter(state, exception)}{(exception is null ? "" : " - " + exception.Message)}";
            lock (provider.gate)
            {
                provider.writer.WriteLine(line);
            }
        }
    }
}
