namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// The tmpfs mounts of one fixture: each call mounts a fresh one, and all are unmounted when the
/// fixture ends (a place a test made read-only or full must not leak into the next test).
/// </summary>
internal sealed class TmpfsMounts : IDisposable
{
    private const int Kilobytes = 256;
    private readonly List<TmpfsMount> _mounted = [];

    public string ReadOnly() => Mount(TmpfsMount.Create(Kilobytes, readOnly: true)).Path;

    /// <summary>A place with <paramref name="freeKilobytes"/> left, holding <paramref name="keep"/> (a file written before it filled up).</summary>
    public string Full(int freeKilobytes, (string Name, string Text)? keep = null)
    {
        var mount = Mount(TmpfsMount.Create(Kilobytes));
        if (keep is { } file)
        {
            File.WriteAllText(System.IO.Path.Combine(mount.Path, file.Name), file.Text);
        }

        mount.FillLeaving(freeKilobytes);
        return mount.Path;
    }

    public void Dispose()
    {
        foreach (var mount in _mounted)
        {
            mount.Dispose();
        }

        _mounted.Clear();
    }

    private TmpfsMount Mount(TmpfsMount mount)
    {
        _mounted.Add(mount);
        return mount;
    }
}
