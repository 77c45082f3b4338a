using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OpenMash.Web.Security;

namespace OpenMash.Web.Data;

/// <summary>
/// The one model: its tables, each configured in <c>Data/Configurations</c>, and the hub filter on every
/// <see cref="IHubScoped"/> record. Provider-specific subclasses exist only so that each provider has its own
/// migrations set. Every save appends audit rows in the same transaction (<see cref="AuditSaveChangesInterceptor"/>).
/// </summary>
public abstract class OpenMashDbContext : IdentityDbContext<AppUser, AppRole, Guid>
{
    private readonly CurrentActor? _actor;
    private readonly bool _audited;

    protected OpenMashDbContext(DbContextOptions options, CurrentActor? actor, TimeProvider? time)
        : base(options)
    {
        _actor = actor;
        PendingAudit = new PendingAudit(time ?? TimeProvider.System);
        _audited = options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<AuditSaveChangesInterceptor>().Any() == true;
    }

    public DbSet<Hub> Hubs => Set<Hub>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyHub> AgencyHubs => Set<AgencyHub>();

    public DbSet<HubSettings> HubSettings => Set<HubSettings>();

    public DbSet<HubClosureDay> ClosureDays => Set<HubClosureDay>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();

    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();

    public DbSet<Involvement> Involvements => Set<Involvement>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactSubject> ContactSubjects => Set<ContactSubject>();

    public DbSet<ContactAttachment> ContactAttachments => Set<ContactAttachment>();

    public DbSet<ContactDraft> ContactDrafts => Set<ContactDraft>();

    public DbSet<DecisionDueExtension> DecisionDueExtensions => Set<DecisionDueExtension>();

    public DbSet<ContactAmendment> ContactAmendments => Set<ContactAmendment>();

    public DbSet<ContactFieldChange> ContactFieldChanges => Set<ContactFieldChange>();

    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();

    public DbSet<ContactAllocation> ContactAllocations => Set<ContactAllocation>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ContactScreening> Screenings => Set<ContactScreening>();

    public DbSet<MultiAgencyCheck> Checks => Set<MultiAgencyCheck>();

    public DbSet<CheckItem> CheckItems => Set<CheckItem>();

    public DbSet<CheckPerson> CheckPeople => Set<CheckPerson>();

    public DbSet<CheckCorrection> CheckCorrections => Set<CheckCorrection>();

    public DbSet<ContactDecision> Decisions => Set<ContactDecision>();

    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();

    public DbSet<NotDuplicate> NotDuplicates => Set<NotDuplicate>();

    public DbSet<PossibleExistingRecord> PossibleExistingRecords => Set<PossibleExistingRecord>();

    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    public DbSet<PersonChange> PersonChanges => Set<PersonChange>();

    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();

    public DbSet<DuplicateQueueCursor> DuplicateQueueCursors => Set<DuplicateQueueCursor>();

    public DbSet<DuplicateQueueBuild> DuplicateQueueBuilds => Set<DuplicateQueueBuild>();

    public DbSet<DataSharingAgreement> DataSharingAgreements => Set<DataSharingAgreement>();

    public DbSet<SharingPolicyRevision> SharingPolicyRevisions => Set<SharingPolicyRevision>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<RecordedConsent> Consents => Set<RecordedConsent>();

    public DbSet<ConsentOverrideRequest> ConsentOverrides => Set<ConsentOverrideRequest>();

    public DbSet<SharingDecisionRecord> SharingDecisions => Set<SharingDecisionRecord>();

    public Actor Actor => _actor?.Value ?? Actor.Anonymous;

    /// <summary>The hub every <see cref="IHubScoped"/> query is filtered by; none when nobody is signed in.</summary>
    public Guid? CurrentHubId => Actor.HubId;

    /// <summary>Audit rows (reads, refusals, sign-in events) waiting for the next save.</summary>
    public PendingAudit PendingAudit { get; }

    /// <summary>Queues an audit row to be written with the next save; <paramref name="action"/> is one of <see cref="AuditActions"/>.</summary>
    public void Audit(
        string action,
        AuditOutcome outcome = AuditOutcome.Allowed,
        string? targetType = null,
        string? targetId = null,
        IEnumerable<Guid>? subjects = null,
        string? purpose = null,
        string? detail = null,
        Actor? actor = null) =>
        PendingAudit.Add(actor ?? Actor, action, outcome, targetType, targetId, subjects, purpose, detail);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: every save appends to the audit chain.");

    /// <summary>Refuses to save without the audit interceptor: no change may reach the database unaudited.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        _audited
            ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : throw new InvalidOperationException("This context was built without the audit interceptor (AddOpenMashDatabase registers it).");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OpenMashDbContext).Assembly);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IHubScoped).IsAssignableFrom(t.ClrType)).ToList())
        {
            FilterByHubMethod.MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }
    }

    private static readonly System.Reflection.MethodInfo FilterByHubMethod =
        typeof(OpenMashDbContext).GetMethod(nameof(FilterByHub), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private void FilterByHub<T>(ModelBuilder builder)
        where T : class, IHubScoped =>
        builder.Entity<T>().HasQueryFilter(e => e.HubId == CurrentHubId);
}
