namespace OpenMash.Sharing;

/// <summary>What a holder is serving: a policy, or nothing (fail closed) with the error that caused it.</summary>
public sealed record PolicyHolderStatus(long? Revision, CompiledSharingPolicy? Policy, Exception? Failure)
{
    public bool IsAvailable => Policy is not null;
}

/// <summary>
/// Holds the compiled policy that one application instance enforces, and swaps it atomically. Register it as
/// a singleton. At the enforcement point the web app reads the policy revision number from its database (one
/// small row, read on every request so that a revocation made on another instance applies at once) and calls
/// <see cref="RefreshAsync"/>, which reloads only when that number differs from the one installed. Until a
/// policy is installed, or whenever the latest load or compile failed, every decision is Deny with
/// <see cref="DecisionReason.PolicyUnavailable"/>: an older policy is never kept once a newer revision is known,
/// because the newer one may revoke something.
/// </summary>
public sealed class PolicyHolder : IDisposable
{
    private static readonly PolicyHolderStatus Empty = new(null, null, null);

    private readonly TimeProvider time;
    private readonly SemaphoreSlim loading = new(1, 1);
    private PolicyHolderStatus status = Empty;
    private int advancing;

    public PolicyHolder(TimeProvider time)
    {
        this.time = time;
    }

    public PolicyHolderStatus Status => Volatile.Read(ref status);

    /// <summary>True when <paramref name="revision"/> is not the revision installed, or the installed one failed.</summary>
    public bool NeedsRefresh(long revision)
    {
        var current = Status;
        return current.Policy is null || current.Revision != revision;
    }

    public SharingDecision Decide(in SharingRequest request)
    {
        var current = Status;
        var policy = current.Policy;
        if (policy is null)
            return SharingDecision.Unavailable();

        if (policy.WindowEnd is { } end && request.At >= end)
            policy = AdvanceWindow(current, request.At);
        return policy.Decide(request);
    }

    /// <summary>
    /// Loads and installs the policy when <paramref name="observedRevision"/> differs from the installed one.
    /// The loader should read the agreements and their revision in one transaction. Concurrent callers wait for
    /// one load. A loader or compiler failure leaves the holder failing closed; the next call retries.
    /// </summary>
    public async ValueTask<PolicyHolderStatus> RefreshAsync(
        long observedRevision,
        Func<CancellationToken, ValueTask<SharingPolicyInputs>> load,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsRefresh(observedRevision))
            return Status;

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (!NeedsRefresh(observedRevision))
                return Status;
            try
            {
                InstallLoaded(observedRevision, await load(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                MarkUnavailable(observedRevision, ex);
            }

            return Status;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Synchronous <see cref="RefreshAsync"/> for callers without async I/O.</summary>
    public PolicyHolderStatus Refresh(long observedRevision, Func<SharingPolicyInputs> load)
    {
        if (!NeedsRefresh(observedRevision))
            return Status;

        loading.Wait();
        try
        {
            if (!NeedsRefresh(observedRevision))
                return Status;
            try
            {
                InstallLoaded(observedRevision, load());
            }
            catch (Exception ex)
            {
                MarkUnavailable(observedRevision, ex);
            }

            return Status;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// Swaps in a compiled policy unless a newer revision is already installed (or known and failed), so a slow
    /// load of an old revision never replaces a newer one. Returns whether it was installed.
    /// </summary>
    public bool Install(CompiledSharingPolicy policy) =>
        Swap(new PolicyHolderStatus(policy.Version.Revision, policy, null));

    /// <summary>Fails closed from now on, e.g. when the revision row cannot be read or the load failed.</summary>
    public void MarkUnavailable(long? revision, Exception failure)
    {
        while (true)
        {
            var current = Status;
            var failed = new PolicyHolderStatus(revision ?? current.Revision, null, failure);
            if (ReferenceEquals(Interlocked.CompareExchange(ref status, failed, current), current))
                return;
        }
    }

    public void Dispose() => loading.Dispose();

    // Inputs older than the revision already seen (e.g. read from a lagging replica) may lack a revocation.
    private void InstallLoaded(long observedRevision, SharingPolicyInputs inputs)
    {
        if (inputs.Revision < observedRevision)
        {
            throw new PolicyCompilationException(
                $"Loaded revision {inputs.Revision} is older than the revision {observedRevision} already observed.");
        }

        Install(CompiledSharingPolicy.Compile(inputs, time.GetUtcNow()));
    }

    private bool Swap(PolicyHolderStatus next)
    {
        while (true)
        {
            var current = Status;
            if (current.Revision is { } installed && next.Revision < installed)
                return false;
            if (ReferenceEquals(Interlocked.CompareExchange(ref status, next, current), current))
                return true;
        }
    }

    // Time has passed the compiled window: compile the same agreement set for the new instant. One thread
    // compiles while the others answer from the old policy's rule scan, which is correct, only slower. The
    // result is swapped in only if nothing else was installed meanwhile, so it never undoes a newer revision
    // or a failure.
    private CompiledSharingPolicy AdvanceWindow(PolicyHolderStatus current, DateTimeOffset instant)
    {
        var policy = current.Policy!;
        if (Interlocked.CompareExchange(ref advancing, 1, 0) != 0)
            return policy;
        try
        {
            var advanced = policy.CompileFor(instant);
            Interlocked.CompareExchange(ref status, current with { Policy = advanced }, current);
            return advanced;
        }
        catch (Exception)
        {
            return policy;
        }
        finally
        {
            Volatile.Write(ref advancing, 0);
        }
    }
}
