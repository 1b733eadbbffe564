namespace Migrations.Engine.D1;

/// <summary>Where the d1 processor hands each migration's batch before the working copy commits it: D1 itself, a script, or nowhere (a shadow).</summary>
public interface ID1BatchSink
{
    /// <summary>Sends (or keeps) the batch; throws when D1 refused it, which rolls the copy back too.</summary>
    void Accept(D1Batch batch);
}
