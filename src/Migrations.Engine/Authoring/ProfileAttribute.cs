namespace Migrations.Engine;

/// <summary>A profile runs its Up() on every migrate with that profile name; it is never journaled.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ProfileAttribute(string profileName) : Attribute
{
    public string ProfileName { get; } = profileName;
}
