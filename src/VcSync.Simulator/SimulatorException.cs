namespace VcSync.Simulator;

/// <summary>The simulator could not be built, started or controlled.</summary>
public sealed class SimulatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulatorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SimulatorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SimulatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
