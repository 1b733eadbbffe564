using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>A fixture that gets a fresh, real database of its provider for every test and removes it afterwards.</summary>
public abstract class DatabaseTest(Provider provider)
{
    protected Provider Provider { get; } = provider;

    protected TestDatabase Db { get; private set; } = null!;

    [SetUp]
    public void CreateDatabase() => Db = TestDatabase.Create(Provider);

    [TearDown]
    public void DropDatabase() => Db.Dispose();
}
