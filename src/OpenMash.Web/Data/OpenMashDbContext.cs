using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Security;

namespace OpenMash.Web.Data;

/// <summary>
/// The one model. Provider-specific subclasses exist only so that each provider has its own migrations set.
/// Every save writes audit rows for the changes it makes, in the same transaction as the changes.
/// </summary>
public abstract class OpenMashDbContext : IdentityDbContext<AppUser, AppRole, Guid>
{
    private readonly CurrentActor? _actor;
    private readonly TimeProvider _time;
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly PersonIndex? _personIndex;

    protected OpenMashDbContext(DbContextOptions options, CurrentActor? actor, TimeProvider? time, PersonIndex? personIndex)
        : base(options)
    {
        _actor = actor;
        _time = time ?? TimeProvider.System;
        _personIndex = personIndex;
    }

    public DbSet<Hub> Hubs => Set<Hub>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyHub> AgencyHubs => Set<AgencyHub>();

    public DbSet<HubSettings> HubSettings => Set<HubSettings>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Person> Persons => Set<Person>();

    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();

    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();

    public DbSet<Involvement> Involvements => Set<Involvement>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<ContactSubject> ContactSubjects => Set<ContactSubject>();

    public DbSet<ContactAttachment> ContactAttachments => Set<ContactAttachment>();

    public DbSet<ContactDraft> ContactDrafts => Set<ContactDraft>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ContactScreening> Screenings => Set<ContactScreening>();

    public DbSet<MultiAgencyCheck> Checks => Set<MultiAgencyCheck>();

    public DbSet<CheckItem> CheckItems => Set<CheckItem>();

    public DbSet<ContactDecision> Decisions => Set<ContactDecision>();

    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();

    public DbSet<NotDuplicate> NotDuplicates => Set<NotDuplicate>();

    public DbSet<DataSharingAgreement> DataSharingAgreements => Set<DataSharingAgreement>();

    public DbSet<SharingPolicyRevision> SharingPolicyRevisions => Set<SharingPolicyRevision>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<RecordedConsent> Consents => Set<RecordedConsent>();

    public DbSet<ConsentOverrideRequest> ConsentOverrides => Set<ConsentOverrideRequest>();

    public DbSet<SharingDecisionRecord> SharingDecisions => Set<SharingDecisionRecord>();

    public Actor Actor => _actor?.Value ?? Actor.Anonymous;

    /// <summary>The hub every <see cref="IHubScoped"/> query is filtered by; none when nobody is signed in.</summary>
    public Guid? CurrentHubId => Actor.HubId;

    /// <summary>Queues an audit row (a read, a refusal, a sign-in event) to be written with the next save.</summary>
    public void Audit(
        string action,
        AuditOutcome outcome = AuditOutcome.Allowed,
        string? targetType = null,
        string? targetId = null,
        IEnumerable<Guid>? subjects = null,
        string? purpose = null,
        string? detail = null,
        Actor? actor = null)
    {
        _pendingAudit.Add(NewEntry(action, outcome, targetType, targetId, subjects, purpose, detail, actor ?? Actor));
    }

    private AuditEntry NewEntry(
        string action, AuditOutcome outcome, string? targetType, string? targetId, IEnumerable<Guid>? subjects, string? purpose, string? detail, Actor who) =>
        new()
        {
            OccurredAtUtc = AuditHash.Normalise(_time.GetUtcNow().UtcDateTime),
            UserId = who.UserId,
            UserName = who.UserName,
            AgencyId = who.AgencyId,
            HubId = who.HubId,
            Role = who.Roles,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Subjects = subjects is null ? null : string.Join(',', subjects),
            Purpose = purpose,
            Outcome = outcome,
            Detail = detail,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        };

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: every save appends to the audit chain.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var people = ChangedPersons();
        var written = await SaveAndAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var hub in people)
        {
            _personIndex?.MarkChanged(hub.Key, hub.Value);
        }

        return written;
    }

    private async Task<int> SaveAndAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var audit = DescribeChanges();
        audit.AddRange(_pendingAudit);
        _pendingAudit.Clear();
        if (audit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // The work first, then the chain: the head row is locked only for the audit insert and the commit.
            var written = await base.SaveChangesAsync(true, cancellationToken);
            await AuditChain.AppendAsync(this, audit, cancellationToken);
            await base.SaveChangesAsync(true, cancellationToken);
            foreach (var row in audit)
            {
                Entry(row).State = EntityState.Detached;
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Hub>(e =>
        {
            e.HasIndex(h => h.Code).IsUnique();
            e.Property(h => h.Code).HasMaxLength(32);
            e.Property(h => h.Name).HasMaxLength(200);
        });
        builder.Entity<Agency>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.HasIndex(a => a.Name).IsUnique();
            e.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        });
        builder.Entity<AgencyHub>(e =>
        {
            e.HasKey(x => new { x.AgencyId, x.HubId });
            e.HasOne(x => x.Agency).WithMany(a => a.Hubs).HasForeignKey(x => x.AgencyId);
            e.HasOne(x => x.Hub).WithMany(h => h.Agencies).HasForeignKey(x => x.HubId);
        });
        builder.Entity<HubSettings>(e =>
        {
            e.HasKey(s => s.HubId);
            e.HasOne<Hub>().WithOne().HasForeignKey<HubSettings>(s => s.HubId);
            e.Property(s => s.ThresholdGuidance).HasMaxLength(8000);
            e.Property(s => s.SupportContact).HasMaxLength(400);
        });
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(u => u.Hub).WithMany().HasForeignKey(u => u.HubId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Role).HasMaxLength(400);
            e.Property(a => a.TargetType).HasMaxLength(100);
            e.Property(a => a.TargetId).HasMaxLength(100);
            e.Property(a => a.Purpose).HasMaxLength(200);
            e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Detail).HasMaxLength(2000);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => new { a.HubId, a.OccurredAtUtc });
            e.HasIndex(a => a.UserId);
        });
        builder.Entity<AuditChainHead>(e =>
        {
            e.ToTable("AuditChainHead");
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.LastHash).HasMaxLength(64);
            e.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditChainHead.GenesisHash });
        });

        ConfigureFrontDoor(builder);
        Features.Consent.ConsentMapping.Configure(builder);
        Features.Access.AccessModel.Configure(builder);

        var filter = typeof(OpenMashDbContext).GetMethod(nameof(FilterByHub), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IHubScoped).IsAssignableFrom(t.ClrType)))
        {
            filter.MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
        }
    }

    private static void ConfigureFrontDoor(ModelBuilder builder)
    {
        builder.Entity<Person>(e =>
        {
            e.Property(p => p.GivenNames).HasMaxLength(200);
            e.Property(p => p.FamilyName).HasMaxLength(200);
            e.Property(p => p.OtherNames).HasMaxLength(1000);
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(1);
            e.Property(p => p.EthnicityCode).HasMaxLength(4);
            e.Property(p => p.NhsNumber).HasMaxLength(10);
            e.Property(p => p.Upn).HasMaxLength(13);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.Property(p => p.Email).HasMaxLength(320);
            e.Ignore(p => p.FullName);
            e.Ignore(p => p.AuditSubjects);
            e.HasIndex(p => new { p.HubId, p.FamilyName });
            e.HasIndex(p => new { p.HubId, p.NhsNumber });
            e.HasIndex(p => new { p.HubId, p.Upn });
            e.HasIndex(p => new { p.HubId, p.DateOfBirth });
            e.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PersonAddress>(e =>
        {
            e.Property(a => a.Line1).HasMaxLength(200);
            e.Property(a => a.Line2).HasMaxLength(200);
            e.Property(a => a.Town).HasMaxLength(100);
            e.Property(a => a.Postcode).HasMaxLength(10);
            e.Ignore(a => a.AuditSubjects);
            e.HasIndex(a => new { a.HubId, a.Postcode });
        });
        builder.Entity<PersonRelationship>(e =>
        {
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(30);
            e.Ignore(r => r.AuditSubjects);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.PersonId, r.RelatedPersonId, r.Type }).IsUnique();
        });
        builder.Entity<Involvement>(e =>
        {
            e.Property(i => i.Service).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.Team).HasMaxLength(200);
            e.Property(i => i.Worker).HasMaxLength(200);
            e.Ignore(i => i.AuditSubjects);
            e.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Contact>(e =>
        {
            e.Property(c => c.Reference).HasMaxLength(40);
            e.HasIndex(c => c.Reference).IsUnique();
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Rag).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.ReferralSource).HasConversion<string>().HasMaxLength(40);
            foreach (var name in new[] { nameof(Contact.ReferrerName), nameof(Contact.ReferrerRole), nameof(Contact.ReferrerAgency), nameof(Contact.ReferrerRelationship) })
            {
                e.Property(name).HasMaxLength(200);
            }

            e.Property(c => c.ReferrerPhone).HasMaxLength(40);
            e.Property(c => c.ReferrerEmail).HasMaxLength(320);
            e.Property(c => c.WhatHappened).HasMaxLength(20000);
            e.Property(c => c.ReferrerRequest).HasMaxLength(5000);
            e.Property(c => c.ChildsVoice).HasMaxLength(5000);
            e.Property(c => c.AdditionalNeeds).HasMaxLength(5000);
            e.Property(c => c.NoConsentReason).HasMaxLength(2000);
            e.Ignore(c => c.AuditSubjects);
            e.HasIndex(c => new { c.HubId, c.State, c.DecisionDueUtc });
            e.HasIndex(c => c.ReferrerUserId);
            e.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ContactSubject>(e =>
        {
            e.HasKey(s => new { s.ContactId, s.PersonId });
            e.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => s.PersonId);
        });
        builder.Entity<ContactAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(255);
            e.Property(a => a.ContentType).HasMaxLength(100);
        });
        builder.Entity<ContactDraft>(e => e.HasIndex(d => d.UserId));
        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(o => o.Kind).HasMaxLength(40);
            e.Property(o => o.ToAddress).HasMaxLength(320);
            e.Property(o => o.Subject).HasMaxLength(300);
            e.HasIndex(o => o.SentAtUtc);
        });
        builder.Entity<ContactScreening>(e =>
        {
            e.HasKey(s => s.ContactId);
            e.HasOne<Contact>().WithOne().HasForeignKey<ContactScreening>(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Rag).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.Threshold).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.ConsentView).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.LawfulBasis).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.WithoutConsentReason).HasConversion<string>().HasMaxLength(40);
            e.Property(s => s.ThresholdRationale).HasMaxLength(5000);
            e.Property(s => s.ChildViewsOrReason).HasMaxLength(5000);
            e.Property(s => s.ConsentRationale).HasMaxLength(5000);
        });
        builder.Entity<MultiAgencyCheck>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Summary).HasMaxLength(2000);
            e.Property(c => c.Details).HasMaxLength(20000);
            e.HasIndex(c => new { c.AgencyId, c.Status, c.DueAtUtc });
            e.HasIndex(c => new { c.ContactId, c.AgencyId }).IsUnique();
            e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CheckItem>(e => e.Property(i => i.Text).HasMaxLength(5000));
        builder.Entity<ContactDecision>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.PrimaryNeed).HasConversion<string>().HasMaxLength(4);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Rationale).HasMaxLength(5000);
            e.Property(d => d.Team).HasMaxLength(200);
            e.Property(d => d.ManagerComment).HasMaxLength(5000);
            e.Property(d => d.DipSampleNote).HasMaxLength(5000);
            e.HasIndex(d => new { d.HubId, d.Status });
        });
        builder.Entity<StrategyDiscussion>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(d => d.NotHeldReason).HasMaxLength(5000);
        });
        builder.Entity<ApiClient>(e =>
        {
            e.Property(c => c.ClientId).HasMaxLength(100);
            e.HasIndex(c => c.ClientId).IsUnique();
            e.Property(c => c.SecretHash).HasMaxLength(200);
            e.Property(c => c.Name).HasMaxLength(200);
            e.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PersonMerge>(e =>
        {
            e.Ignore(m => m.AuditSubjects);
            e.Property(m => m.Reason).HasMaxLength(2000);
            e.HasIndex(m => m.SurvivorId);
            e.HasIndex(m => m.MergedId);
        });
        builder.Entity<NotDuplicate>(e =>
        {
            e.HasKey(n => new { n.PersonA, n.PersonB });
            e.Ignore(n => n.AuditSubjects);
        });
        builder.Entity<DataSharingAgreement>(e =>
        {
            e.HasKey(a => new { a.Id, a.Version });
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Effect).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.SourceAgencyType).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.DestinationAgencyType).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<SharingPolicyRevision>(e =>
        {
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasData(new SharingPolicyRevision { Id = SharingPolicyRevision.SingletonId, Revision = 1 });
        });
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.ClientId, r.Key });
            e.Property(r => r.ClientId).HasMaxLength(100);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.RequestHash).HasMaxLength(64);
        });
    }

    private void FilterByHub<T>(ModelBuilder builder)
        where T : class, IHubScoped =>
        builder.Entity<T>().HasQueryFilter(e => e.HubId == CurrentHubId);

    private Dictionary<Guid, HashSet<Guid>> ChangedPersons()
    {
        var changed = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var (hub, person) = entry.Entity switch
            {
                Person p => (p.HubId, p.Id),
                PersonAddress a => (a.HubId, a.PersonId),
                _ => (Guid.Empty, Guid.Empty),
            };
            if (person != Guid.Empty)
            {
                (changed.TryGetValue(hub, out var set) ? set : changed[hub] = []).Add(person);
            }
        }

        return changed;
    }

    /// <summary>One audit row per created, changed or deleted record; names of changed fields, never their values.</summary>
    private List<AuditEntry> DescribeChanges()
    {
        var rows = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry or AuditChainHead
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "Create",
                EntityState.Modified => "Update",
                _ => "Delete",
            };
            var changed = entry.State == EntityState.Modified
                ? string.Join(',', entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                : null;
            var subjects = entry.Entity is IAuditSubjects s ? s.AuditSubjects : null;
            var type = entry.Metadata.ClrType.Name;
            rows.Add(NewEntry($"{action} {type}", AuditOutcome.Allowed, type, KeyOf(entry), subjects, purpose: null, changed is null ? null : "fields: " + changed, Actor));
        }

        return rows;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? string.Empty : string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }
}
