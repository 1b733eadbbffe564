namespace Migrations.Engine;

/// <summary>A run would destroy data and data loss was not allowed; nothing was changed.</summary>
public sealed class DataLossException(string message, IReadOnlyList<string> losses) : MigrationException(message)
{
    /// <summary>One line per loss: what, where, and how many rows or values.</summary>
    public IReadOnlyList<string> Losses { get; } = losses;
}
