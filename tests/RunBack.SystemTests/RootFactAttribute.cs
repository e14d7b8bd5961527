namespace RunBack.SystemTests;

/// <summary>
/// A test that needs root on Linux (it mounts a tmpfs or a read-only bind mount, or sets the immutable flag with chattr).
/// Outside CI, run as another user, it is skipped saying so; under CI (<c>CI=true</c>) it always runs, and fails saying
/// what is missing (<c>FaultMachine.RequireRootOnLinux</c>) rather than passing unseen.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public const string Reason = "Needs root on Linux (tmpfs, chattr, bind mounts); skipped outside CI. Run as root: sudo dotnet test tests/RunBack.SystemTests.";

    public RootFactAttribute()
    {
        if (!UnderCi && !IsRootOnLinux)
        {
            Skip = Reason;
        }
    }

    /// <summary>CI sets CI=true (GitHub Actions, GitLab and most runners do; .ci/run does too).</summary>
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsRootOnLinux => OperatingSystem.IsLinux()
        && File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";
}

/// <summary>A theory that needs root on Linux: skipped outside CI when not root, like <see cref="RootFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!RootFactAttribute.UnderCi && !RootFactAttribute.IsRootOnLinux)
        {
            Skip = RootFactAttribute.Reason;
        }
    }
}
