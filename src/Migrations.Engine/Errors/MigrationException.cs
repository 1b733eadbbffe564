namespace Migrations.Engine;

/// <summary>The base of every error the engine throws on purpose: its message is one line a user can act on.</summary>
public class MigrationException : Exception
{
    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
