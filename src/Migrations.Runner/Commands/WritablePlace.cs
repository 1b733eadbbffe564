namespace Migrations.Runner.Commands;

/// <summary>
/// Checks, before a run touches any database, that the places it will write (the backup
/// directory, the script file) can take a file: a missing directory is created, and a path that
/// is a file, read-only, not permitted or on a full disk is a usage error naming the option.
/// Checking first means a backup that cannot be written stops the run before anything changed.
/// </summary>
public static class WritablePlace
{
    // Big enough that a disk with no room left fails here, small enough to cost nothing.
    private const int ProbeBytes = 4096;

    /// <summary>The full path of a directory that exists and accepts a file of a few kilobytes.</summary>
    public static string PrepareDirectory(string source, string path)
    {
        var full = FullPath(source, path);
        if (File.Exists(full))
        {
            throw new UsageException($"{source}: {full} is a file, not a directory");
        }

        Create(source, full);
        Probe(source, full);
        return full;
    }

    /// <summary>The full path of a file that can be written (its directory is created when missing); the file itself is not touched.</summary>
    public static string PrepareFile(string source, string path)
    {
        var full = FullPath(source, path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{source}: {full} is a directory, not a file");
        }

        var directory = Path.GetDirectoryName(full)!;
        Create(source, directory);
        Probe(source, directory);
        return full;
    }

    private static string FullPath(string source, string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{source}: '{path}' is not a usable path ({ex.Message})");
        }
    }

    private static void Create(string source, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var file = Ancestors(directory).FirstOrDefault(File.Exists);
            throw new UsageException($"{source}: cannot create the directory {directory}: {(file is null ? Reason(ex) : $"{file} is a file")}");
        }
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = Path.GetDirectoryName(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            yield return current;
        }
    }

    private static void Probe(string source, string directory)
    {
        var probe = Path.Combine(directory, $".migrations-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.Write(new byte[ProbeBytes]);
            stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            throw new UsageException($"{source}: cannot write into {directory}: {Reason(ex)}");
        }
    }

    /// <summary>The operating system's reason without .NET's quoting of the path, which the message already names.</summary>
    public static string Reason(Exception ex)
    {
        var message = ex.Message;
        var quote = message.IndexOf(" : '", StringComparison.Ordinal);
        return (quote > 0 ? message[..quote] : message).Trim().TrimEnd('.');
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done about a file that cannot be deleted either; the error that got us here is reported.
        }
    }
}
