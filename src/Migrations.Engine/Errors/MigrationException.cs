namespace Migrations.Engine;

/// <summary>The base of every error the engine raises on purpose; the host maps each kind to an exit code.</summary>
public class MigrationException : Exception
{
    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
