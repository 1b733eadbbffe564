using System.Reflection;
using FluentMigrator;

namespace Migrations.Engine.Running;

/// <summary>
/// Hands a migration's build the real processor while noting whether it asked the database
/// whether something exists: a migration whose build never asked builds the same expressions
/// whatever the earlier steps of the run did, so the build made before the run is the one that
/// runs. A proxy of the whole processor, because FluentMigrator's <c>IfDatabase</c> only
/// recognises an <see cref="IMigrationProcessor"/> (a bare <see cref="IQuerySchema"/> matches no database).
/// </summary>
public class SchemaQueryRecorder : DispatchProxy
{
    private static readonly HashSet<string> ExistenceQueries =
        [nameof(IQuerySchema.SchemaExists), nameof(IQuerySchema.TableExists), nameof(IQuerySchema.ColumnExists), nameof(IQuerySchema.ConstraintExists),
         nameof(IQuerySchema.IndexExists), nameof(IQuerySchema.SequenceExists), nameof(IQuerySchema.DefaultValueExists), nameof(IMigrationProcessor.Exists)];

    private IMigrationProcessor _inner = null!;

    /// <summary>Whether the build asked the database whether something exists.</summary>
    public bool Asked { get; private set; }

    /// <summary>The processor to hand the build, and the recorder that watches it.</summary>
    public static (IMigrationProcessor Processor, SchemaQueryRecorder Recorder) Wrap(IMigrationProcessor inner)
    {
        var proxy = Create<IMigrationProcessor, SchemaQueryRecorder>();
        var recorder = (SchemaQueryRecorder)(object)proxy;
        recorder._inner = inner;
        return (proxy, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (ExistenceQueries.Contains(targetMethod.Name))
        {
            Asked = true;
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
