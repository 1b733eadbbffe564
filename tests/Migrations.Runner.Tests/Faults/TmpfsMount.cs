using System.Diagnostics;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// A small tmpfs mounted for one test, so a disk can really fill up or refuse writes; unmounted when
/// disposed. The tests run as root, for whom permission bits stop nothing, so only a read-only mount
/// or a full one makes a write fail. Mounting needs root; elsewhere the test fails saying so.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>The file that fills the disk.</summary>
    public const string BallastName = "ballast";

    private string Ballast => System.IO.Path.Combine(Path, BallastName);

    public static TmpfsMount Create(int kilobytes, string? owner = null, bool readOnly = false)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migrations-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (exitCode, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,{(readOnly ? "ro" : "rw")}", "tmpfs", path);
        if (exitCode != 0)
        {
            Directory.Delete(path);
            Assert.Fail($"a full-disk test mounts a {kilobytes} KB tmpfs, which needs root: mount exited {exitCode}: {error}");
        }

        var mount = new TmpfsMount(path);
        if (owner is not null)
        {
            var (code, chownError) = Run("chown", owner, path);
            if (code != 0)
            {
                mount.Dispose();
                Assert.Fail($"chown {owner} {path} exited {code}: {chownError}");
            }
        }

        return mount;
    }

    /// <summary>Fills the disk with a ballast file, then frees <paramref name="kilobytes"/> of it again.</summary>
    public void FillLeaving(int kilobytes)
    {
        var chunk = new byte[64 * 1024];
        using var ballast = new FileStream(Ballast, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                ballast.Write(chunk);
            }
        }
        catch (IOException)
        {
            // No space left on device: full.
        }

        ballast.SetLength(Math.Max(0, ballast.Length - (kilobytes * 1024L)));
    }

    /// <summary>What an operator does about a full disk: frees the space.</summary>
    public void Free() => File.Delete(Ballast);

    public void Dispose()
    {
        if (Run("umount", Path).ExitCode != 0)
        {
            Run("umount", "-l", Path);
        }

        Directory.Delete(Path, recursive: true);
    }

    private static (int ExitCode, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
