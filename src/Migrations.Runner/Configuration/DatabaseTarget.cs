using System.Reflection;
using Migrations.Engine.Providers;

namespace Migrations.Runner.Configuration;

/// <summary>One database a command acts on: its name, provider, connection string and migrations.</summary>
public sealed record DatabaseTarget(string Name, IDatabaseProvider Provider, string ConnectionString, Assembly Assembly)
{
    /// <summary>The connection string as it may be shown: passwords replaced by ***.</summary>
    public string Display => Provider.Mask(ConnectionString);
}
