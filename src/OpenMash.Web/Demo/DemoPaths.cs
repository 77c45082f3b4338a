using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Screening;
using OpenMash.Web.Security;
using ConsentStatus = OpenMash.Sharing.ConsentStatus;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;
using SharingPurpose = OpenMash.Sharing.SharingPurpose;

namespace OpenMash.Web.Demo;

/// <summary>
/// Fictional cases in each hub that together cover every path of the front door the other demo data do not: every
/// outcome decided (information and advice, a strategy discussion, immediate protection, early help), consent refused,
/// withdrawn and not sought, an override approved and one rejected, and checks to the hospital trust, probation, the
/// local authority's education safeguarding team and the hub's school, some answered and some waiting for the demo
/// users of those agencies. Every step is done through the application's services as the demo user who would do it
/// (<see cref="DemoWork"/>), so each case has its screening, proposer, approver, timeline and audit rows.
/// </summary>
public sealed class DemoPaths(OpenMashDbContext db, CurrentActor actor, IServiceProvider services, TimeProvider time)
{
    /// <summary>The application's services on a clock of their own, for one hub's work (their working time is the hub's).</summary>
    public DemoWork Begin() => new(db, actor, services);

    public async Task SeedAsync(Hub hub, DemoWork work, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var p = hub.Code == DemoSeeder.StaffordshireCode ? "staffs" : "stoke";
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Hubs.Any(h => h.HubId == hub.Id)).ToDictionaryAsync(a => a.Name, ct);
        Guid Agency(Func<Agency, bool> which) => agencies.Values.Single(which).Id;
        var police = Agency(a => a.Type == AgencyType.Police);
        var health = Agency(a => a.Type == AgencyType.Health && a.IsLeadSafeguardingPartner);
        var hospital = Agency(a => a.Type == AgencyType.Health && !a.IsLeadSafeguardingPartner);
        var probation = Agency(a => a.Type == AgencyType.Probation);
        var school = agencies[DemoSeeder.Schools[hub.Code]].Id;
        var education = agencies[DemoSeeder.EducationTeams[hub.Code]].Id;
        var answerers = new Dictionary<Guid, string>
        {
            [police] = p + ".police",
            [health] = p + ".health",
            [hospital] = p + ".hospital",
            [probation] = p + ".probation",
            [school] = p + ".dsl",
            [education] = p + ".education",
        };
        var seed = hub.Code == DemoSeeder.StaffordshireCode ? 999_510_000 : 999_520_000;
        var cases = new DemoCases(db, actor, hub, work.WorkingTime, seed);

        // Information and advice: a worried neighbour's call, no harm suspected, no checks needed.
        var advice = await cases.NewAsync("Adviceley", "Hazel", 9, "Morgan", now.AddDays(-6), ConcernCategory.EmotionalWellbeing, ReferralSource.OtherIndividual,
            "Fictional: a neighbour worried that the child seems lonely since the family moved; no concerns about care at home.", familyConsented: null, ct);
        await ScreenAsync(work, p, advice, RagRating.Green, ThresholdLevel.Universal, noChecks: true, advice.ReceivedAtUtc.AddHours(1), ct);
        await DecideAsync(work, p, advice, DecisionOutcome.InformationAndAdvice, PrimaryNeed.N9, null, advice.ReceivedAtUtc.AddHours(2), advice.ReceivedAtUtc.AddHours(3), ct);

        // Immediate protection: a red contact, checks with police, the hospital and the school, all answered the same morning.
        var urgent = await cases.NewAsync("Guardwell", "Ivy", 3, "Riley", now.AddDays(-5), ConcernCategory.PhysicalAbuse, ReferralSource.AccidentAndEmergency,
            "Fictional: toddler brought to the emergency department with an injury the explanation does not fit; mother's partner not present.", familyConsented: null, ct);
        await ScreenAsync(work, p, urgent, RagRating.Red, ThresholdLevel.ChildProtection, noChecks: false, urgent.ReceivedAtUtc.AddMinutes(20), ct);
        var urgentChecks = await RequestAsync(work, p, urgent, [police, hospital, school], urgent.ReceivedAtUtc.AddMinutes(30), ct);
        await AnswerAsync(work, answerers, urgentChecks[police], urgent.ReceivedAtUtc.AddHours(1), "Demo item: officers attended a disturbance at the address last month.", domesticAbuse: "Demo: the adult was the victim of a reported assault by a former partner.", ct);
        await AnswerAsync(work, answerers, urgentChecks[hospital], urgent.ReceivedAtUtc.AddHours(1).AddMinutes(20), "Demo item: two earlier attendances with minor injuries this year.", null, ct);
        await AnswerAsync(work, answerers, urgentChecks[school], urgent.ReceivedAtUtc.AddHours(1).AddMinutes(40), "Demo item: the nursery class recorded a bruise in September; parent's account given.", null, ct);
        await StrategyAsync(work, p, urgent, urgent.ReceivedAtUtc.AddHours(2), [police, hospital], ct);
        await DecideAsync(work, p, urgent, DecisionOutcome.ImmediateProtection, PrimaryNeed.N1, "Assessment Team (demo)", urgent.ReceivedAtUtc.AddHours(2).AddMinutes(30), urgent.ReceivedAtUtc.AddHours(3), ct);

        // A strategy discussion: checks with police, probation and education safeguarding, then the discussion itself.
        var strategy = await cases.NewAsync("Strategyne", "Leo", 13, "Casey", now.AddDays(-8), ConcernCategory.SexualAbuse, ReferralSource.Police,
            "Fictional: a young person told a youth worker that an adult known to the family has been messaging him; the adult is on probation.", familyConsented: null, ct);
        await ScreenAsync(work, p, strategy, RagRating.Red, ThresholdLevel.ChildProtection, noChecks: false, strategy.ReceivedAtUtc.AddMinutes(45), ct);
        var strategyChecks = await RequestAsync(work, p, strategy, [police, probation, education], strategy.ReceivedAtUtc.AddHours(1), ct);
        await AnswerAsync(work, answerers, strategyChecks[police], strategy.ReceivedAtUtc.AddHours(2), "Demo item: intelligence that the adult contacts young people online.", null, ct);
        await AnswerAsync(work, answerers, strategyChecks[probation], strategy.ReceivedAtUtc.AddHours(2).AddMinutes(30), "Demo item: the adult is supervised on licence; contact with children is restricted.", null, ct);
        await AnswerAsync(work, answerers, strategyChecks[education], strategy.ReceivedAtUtc.AddHours(3), null, null, ct);
        await StrategyAsync(work, p, strategy, strategy.ReceivedAtUtc.AddHours(4), [police, probation, education], ct);
        await DecideAsync(work, p, strategy, DecisionOutcome.StrategyDiscussion, PrimaryNeed.N1, "Assessment Team (demo)", strategy.ReceivedAtUtc.AddHours(4).AddMinutes(30), strategy.ReceivedAtUtc.AddHours(5), ct);

        // Consent refused, and the override asked for it rejected: below threshold the family's refusal stands; the
        // screener then records that no checks are needed and early help is offered.
        var refused = await cases.NewAsync("Refuseley", "Rosa", 6, "Jamie", now.AddDays(-4), ConcernCategory.Neglect, ReferralSource.HealthVisitor,
            "Fictional: the health visitor says the home is cluttered and the child's teeth are decaying; the parent does not want other agencies involved.", familyConsented: false, ct);
        await ScreenAsync(work, p, refused, RagRating.Amber, ThresholdLevel.EarlyHelp, noChecks: false, refused.ReceivedAtUtc.AddHours(1), ct);
        await ConsentAsync(work, p, refused, ConsentStatus.Refused, "Jamie Refuseley", refused.ReceivedAtUtc.AddHours(2), "Demo: phone call with the parent; does not agree to the school or GP being asked.", ct);
        await OverrideAsync(work, p, refused, refused.ReceivedAtUtc.AddHours(3), approve: false, refused.ReceivedAtUtc.AddHours(5),
            "Demo: the child's dental pain may be getting worse and health should be asked despite the refusal.",
            "Demo: no suspicion of significant harm; the refusal must be respected below threshold. Offer early help with the family's agreement.", ct);
        await ScreenAsync(work, p, refused, RagRating.Amber, ThresholdLevel.EarlyHelp, noChecks: true, refused.ReceivedAtUtc.AddHours(5).AddMinutes(30), ct);
        await DecideAsync(work, p, refused, DecisionOutcome.EarlyHelp, PrimaryNeed.N2, "Family Support Hub (demo)", refused.ReceivedAtUtc.AddHours(6), refused.ReceivedAtUtc.AddHours(7), ct);

        // Consent given, checks with health and the school answered, then the parent withdrew consent before the
        // decision: the answers already given stay, nothing more is asked, and early help is decided.
        var withdrawn = await cases.NewAsync("Withdrew", "Maya", 8, "Robin", now.AddDays(-3), ConcernCategory.EmotionalWellbeing, ReferralSource.Schools,
            "Fictional: the child has been tearful in class since her grandmother died; the parent asked the school for help.", familyConsented: false, ct);
        await ScreenAsync(work, p, withdrawn, RagRating.Green, ThresholdLevel.EarlyHelp, noChecks: false, withdrawn.ReceivedAtUtc.AddHours(1), ct);
        await ConsentAsync(work, p, withdrawn, ConsentStatus.Given, "Robin Withdrew", withdrawn.ReceivedAtUtc.AddHours(1).AddMinutes(30), "Demo: phone call with the parent; agreed to health and the school being asked.", ct);
        var withdrawnChecks = await RequestAsync(work, p, withdrawn, [health, school], withdrawn.ReceivedAtUtc.AddHours(2), ct);
        await AnswerAsync(work, answerers, withdrawnChecks[health], withdrawn.ReceivedAtUtc.AddHours(3), "Demo item: seen by the school nurse for headaches this term.", null, ct);
        await AnswerAsync(work, answerers, withdrawnChecks[school], withdrawn.ReceivedAtUtc.AddHours(3).AddMinutes(30), "Demo item: attendance good; the class teacher has noticed she is withdrawn.", null, ct);
        await ConsentAsync(work, p, withdrawn, ConsentStatus.Withdrawn, "Robin Withdrew", withdrawn.ReceivedAtUtc.AddHours(4), "Demo: the parent rang back and withdrew consent to further sharing; happy to talk to the family support hub.", ct);
        await DecideAsync(work, p, withdrawn, DecisionOutcome.EarlyHelp, PrimaryNeed.N8, "Family Support Hub (demo)", withdrawn.ReceivedAtUtc.AddHours(5), withdrawn.ReceivedAtUtc.AddHours(6), ct);

        // Consent not sought (the parent cannot be reached) and an override approved: checks went to police and
        // probation; police have answered, probation's answer is awaited (the demo probation researcher's to give).
        var overridden = await cases.NewAsync("Overbury", "Jasper", 11, "Sam", now.AddDays(-1), ConcernCategory.Neglect, ReferralSource.Housing,
            "Fictional: the housing officer found the child alone at the flat after school twice; the parent's new partner may be staying there.", familyConsented: null, ct);
        await ScreenAsync(work, p, overridden, RagRating.Amber, ThresholdLevel.EarlyHelp, noChecks: false, overridden.ReceivedAtUtc.AddHours(1), ct);
        await NotSoughtAsync(work, p, overridden, overridden.ReceivedAtUtc.AddHours(1).AddMinutes(30), ct);
        await OverrideAsync(work, p, overridden, overridden.ReceivedAtUtc.AddHours(2), approve: true, overridden.ReceivedAtUtc.AddHours(3),
            "Demo: the parent has not answered three calls and a visit; police and probation must be asked whether the new partner is a risk to the child.",
            "Demo: approved; proportionate while the parent cannot be reached.", ct);
        var overriddenChecks = await RequestAsync(work, p, overridden, [police, probation], overridden.ReceivedAtUtc.AddHours(3).AddMinutes(15), ct);
        await AnswerAsync(work, answerers, overriddenChecks[police], overridden.ReceivedAtUtc.AddHours(4), null, null, ct);

        // Waiting for partners: checks to the school, education safeguarding, the hospital and probation, none answered
        // yet, for the demo users of those agencies to answer.
        var waiting = await cases.NewAsync("Schoolcroft", "Poppy", 7, "Alex", now.AddHours(-3), ConcernCategory.EmotionalAbuse, ReferralSource.Gp,
            "Fictional: the GP heard the child being shouted at and called names in the waiting room; the family has moved schools twice this year.", familyConsented: null, ct);
        await ScreenAsync(work, p, waiting, RagRating.Amber, ThresholdLevel.ChildInNeed, noChecks: false, now.AddHours(-2).AddMinutes(-30), ct);
        await RequestAsync(work, p, waiting, [school, education, hospital, probation], now.AddHours(-2), ct);

        await cases.SaveNumberAsync(ct);
        actor.Set(Actor.System("seed-demo", hub.Id));
    }

    public static async Task ScreenAsync(DemoWork work, string p, Contact contact, RagRating rag, ThresholdLevel threshold, bool noChecks, DateTime at, CancellationToken ct)
    {
        await work.AsAsync(p + ".screener", at, ct);
        var above = ContactScreening.LevelAllowsSharingWithoutConsent(threshold);
        DemoWork.Ok(await work.Screening.SaveAsync(contact, new ScreeningInput
        {
            Rag = rag,
            Threshold = threshold,
            ThresholdRationale = $"Demo rationale: {threshold.DisplayName()}; the contact's history and the referrer's account considered.",
            ChildSpokenTo = true,
            ChildViewsOrReason = "Demo: spoken to with a trusted adult present; the child's words are recorded on the contact.",
            ConsentView = above ? SafeguardingThreshold.AboveThreshold : SafeguardingThreshold.BelowThreshold,
            ConsentRationale = above ? "Demo: harm is suspected, so sharing without consent is lawful." : "Demo: no harm suspected; the family's consent is needed before partner checks.",
            NoChecksNeeded = noChecks,
            LawfulBasis = Article6Basis.PublicTask,
            WithoutConsentReason = above ? OpenMash.Sharing.NotSoughtReason.WouldPrejudiceProtection : null,
        }, ct), $"screen {contact.Reference}");
    }

    public static async Task<Dictionary<Guid, MultiAgencyCheck>> RequestAsync(DemoWork work, string p, Contact contact, IReadOnlyCollection<Guid> agencyIds, DateTime at, CancellationToken ct)
    {
        await work.AsAsync(p + ".screener", at, ct);
        DemoWork.Ok(await work.Checks.RequestAsync(contact, agencyIds, ct), $"request checks for {contact.Reference}");
        return await work.Db.Checks.Include(c => c.People).Include(c => c.Agency)
            .Where(c => c.ContactId == contact.Id && agencyIds.Contains(c.AgencyId)).ToDictionaryAsync(c => c.AgencyId, ct);
    }

    /// <summary>
    /// The agency's answer as its demo user gives it: an item about each child when <paramref name="item"/> is given
    /// (nothing held otherwise), and for each adult whether domestic abuse history is held.
    /// </summary>
    public static async Task AnswerAsync(DemoWork work, IReadOnlyDictionary<Guid, string> answerers, MultiAgencyCheck check, DateTime at, string? item, string? domesticAbuse, CancellationToken ct)
    {
        await work.AsAsync(answerers[check.AgencyId], at, ct);
        var held = item is not null;
        var input = new CheckAnswerInput
        {
            Summary = held || domesticAbuse is not null ? "Known to this agency (demo): see the items." : null,
            Details = held ? "Demo details: from the agency's own records, checked today." : null,
            People = check.People.OrderBy(x => x.Position).Select(x => x.AsAdult
                ? new CheckPersonAnswerInput { PersonId = x.PersonId, Held = domesticAbuse is not null, DomesticAbuse = domesticAbuse is not null, DomesticAbuseText = domesticAbuse, DomesticAbuseRestrictions = ItemRestrictions.NotForFamily }
                : new CheckPersonAnswerInput { PersonId = x.PersonId, Held = held, Items = held ? [new CheckItemInput { Text = item, Restrictions = ItemRestrictions.NotForReferrer }] : [] }).ToList(),
        };
        DemoWork.Ok(await work.Checks.AnswerAsync(check, input, ct), $"answer the check to {check.Agency.Name}");
    }

    public static async Task DecideAsync(DemoWork work, string p, Contact contact, DecisionOutcome outcome, PrimaryNeed need, string? team, DateTime proposed, DateTime approved, CancellationToken ct)
    {
        await work.AsAsync(p + ".screener", proposed, ct);
        var (decision, errors) = await work.Decisions.ProposeAsync(contact, new ProposalInput
        {
            Outcome = outcome,
            Rationale = $"Demo rationale: {outcome.DisplayName()} is proportionate to what the screening and the partners' answers show.",
            Team = team,
            PrimaryNeed = need,
        }, ct);
        DemoWork.Ok(errors, $"propose {contact.Reference}");
        await work.AsAsync(p + ".manager", approved, ct);
        DemoWork.Ok(await work.Decisions.ApproveAsync(decision!, "Demo: agreed.", ct), $"approve {contact.Reference}");
    }

    private static async Task StrategyAsync(DemoWork work, string p, Contact contact, DateTime at, IReadOnlyList<Guid> attended, CancellationToken ct)
    {
        await work.AsAsync(p + ".manager", at.AddMinutes(20), ct);
        DemoWork.Ok(await work.Decisions.RecordStrategyAsync(contact, new StrategyInput
        {
            Held = true,
            HeldAtUtc = at,
            InvitedPolice = true,
            InvitedHealth = true,
            InvitedEducation = true,
            InvitedSocialWorker = true,
            AttendedAgencyIds = attended,
            SectionFortySevenAgreed = true,
        }, ct), $"strategy discussion for {contact.Reference}");
    }

    public static async Task ConsentAsync(DemoWork work, string p, Contact contact, ConsentStatus status, string giver, DateTime at, string evidence, CancellationToken ct)
    {
        await work.AsAsync(p + ".screener", at, ct);
        DemoWork.Ok(await work.Consent.RecordConsentAsync(contact, new ConsentInput
        {
            PersonIds = RecordedConsent.SubjectsOf(contact),
            Status = status,
            GivenBy = ConsentGiver.ParentWithParentalResponsibility,
            GiverName = giver,
            AgencyTypes = [AgencyType.Health, AgencyType.Education, AgencyType.Police],
            Purposes = [SharingPurpose.SafeguardingScreening],
            DecidedOn = DateOnly.FromDateTime(at),
            DecidedOnValid = true,
            ExpiresOnValid = true,
            Evidence = evidence,
        }, ct), $"record consent {status} for {contact.Reference}");
    }

    private static async Task NotSoughtAsync(DemoWork work, string p, Contact contact, DateTime at, CancellationToken ct)
    {
        await work.AsAsync(p + ".screener", at, ct);
        DemoWork.Ok(await work.Consent.RecordConsentAsync(contact, new ConsentInput
        {
            PersonIds = RecordedConsent.SubjectsOf(contact),
            Status = ConsentStatus.NotSought,
            AgencyTypes = [AgencyType.Police, AgencyType.Probation],
            Purposes = [SharingPurpose.SafeguardingScreening],
            DecidedOn = DateOnly.FromDateTime(at),
            DecidedOnValid = true,
            ExpiresOnValid = true,
            Evidence = "Demo: three calls and a home visit, no answer; the parent cannot be reached today.",
            NotSoughtReason = OpenMash.Sharing.NotSoughtReason.CannotReasonablyBeObtained,
        }, ct), $"record consent not sought for {contact.Reference}");
    }

    public static async Task OverrideAsync(DemoWork work, string p, Contact contact, DateTime requested, bool approve, DateTime decided, string justification, string comment, CancellationToken ct)
    {
        await work.AsAsync(p + ".senior", requested, ct);
        DemoWork.Ok(await work.Overrides.RequestOverrideAsync(contact, justification, ct), $"request an override for {contact.Reference}");
        var request = await work.Db.ConsentOverrides.SingleAsync(o => o.ContactId == contact.Id && o.Status == OverrideStatus.Pending, ct);
        await work.AsAsync(p + ".manager", decided, ct);
        DemoWork.Ok(await work.Overrides.DecideOverrideAsync(request, approve, comment, ct), $"decide the override for {contact.Reference}");
    }
}
