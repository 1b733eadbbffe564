namespace Migrations.Engine.Dialects;

/// <summary>The database refused a statement; carries the statement and the provider's own message.</summary>
public sealed class StatementFailedException(string statement, string providerMessage, Exception inner)
    : MigrationException(providerMessage, inner)
{
    public string Statement { get; } = statement;

    public string ProviderMessage { get; } = providerMessage;
}
