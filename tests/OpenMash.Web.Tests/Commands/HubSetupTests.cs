using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Commands;

/// <summary>The documented set-up commands leave a hub that can take its first contact.</summary>
public sealed class HubSetupTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task HubsAdd_WithANewCode_AddsTheHubAndItsDefaultSettingsTogether()
    {
        var (code, output, error) = await VerbRunner.RunAsync(factory, "hubs", "add", "--code", "NEWHUB", "--name", "New hub (demo)");

        Assert.True(code == 0, error);
        Assert.Contains("Hub NEWHUB added, with the default settings", output, StringComparison.Ordinal);
        var (hub, settings) = await factory.WithDbAsync(async db =>
        {
            var h = await db.Hubs.SingleAsync(x => x.Code == "NEWHUB");
            return (h, await db.HubSettings.IgnoreQueryFilters().SingleAsync(s => s.HubId == h.Id));
        });
        Assert.Equal(HubSettings.DefaultThresholdGuidance, settings.ThresholdGuidance);
        Assert.Equal(new TimeOnly(9, 0), settings.WorkingDayStart);
        Assert.Equal(new TimeOnly(17, 0), settings.WorkingDayEnd);
        Assert.Equal(4, settings.RedDecisionHours);
        Assert.Equal((1, 3, 1, 10, 0L), (settings.AmberDecisionWorkingDays, settings.GreenDecisionWorkingDays, settings.FeedbackWithinWorkingDays, settings.NoFurtherActionDipSamplePercent, settings.LastContactNumber));

        // One save: the two creations are consecutive rows of the audit chain.
        var rows = await factory.WithDbAsync(db => db.AuditEntries
            .Where(e => (e.Action == AuditActions.Created(nameof(Hub)) && e.TargetId == hub.Id.ToString()) || (e.Action == AuditActions.Created(nameof(HubSettings)) && e.TargetId == hub.Id.ToString()))
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0] + 1, rows[1]);
    }

    [Fact]
    public async Task FirstContact_InAHubAddedByTheCommand_IsRecordedAsNumberOne()
    {
        var (code, _, error) = await VerbRunner.RunAsync(factory, "hubs", "add", "--code", "FIRST", "--name", "First contact hub (demo)");
        Assert.True(code == 0, error);

        var contact = await TestPeople.AsHubAsync(factory, "FIRST", async (services, _) =>
        {
            var (created, errors) = await services.GetRequiredService<ContactService>().CreateAsync(new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Pat Referrer",
                ReferrerPhone = "01234 000999",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional concern.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Wren", FamilyName: "Firstcontact-Demo", DateOfBirth: new DateOnly(2018, 6, 1), Sex: Sex.F)],
            }, new ContactSource());
            Assert.Empty(errors);
            return created!;
        });

        Assert.EndsWith("-000001", contact.Reference, StringComparison.Ordinal);
        Assert.StartsWith("FIRST-", contact.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubsAddAndMigrate_ForAHubWithoutSettings_GiveItTheDefaults()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Hubs.AddRange(new Hub { Id = Guid.NewGuid(), Code = "BARE1", Name = "Hub added before settings (demo)" }, new Hub { Id = Guid.NewGuid(), Code = "BARE2", Name = "Another (demo)" });
            return await db.SaveChangesAsync();
        });

        var add = await VerbRunner.RunAsync(factory, "hubs", "add", "--code", "BARE1", "--name", "Hub added before settings (demo)");
        var migrate = await VerbRunner.RunAsync(factory, "migrate");

        Assert.Equal(0, add.Code);
        Assert.Contains("already existed without settings", add.Output, StringComparison.Ordinal);
        Assert.Equal(0, migrate.Code);
        Assert.Contains("Hub BARE2 had no settings: it now has the defaults.", migrate.Output, StringComparison.Ordinal);
        Assert.Empty(await factory.WithDbAsync(db => OpenMash.Web.Data.HubSetup.HubsWithoutSettingsAsync(db)));
    }

    [Fact]
    public async Task HubsAdd_WithACodeInUse_FailsAndAddsNothing()
    {
        var before = await factory.WithDbAsync(db => db.Hubs.CountAsync());

        var (code, _, error) = await VerbRunner.RunAsync(factory, "hubs", "add", "--code", "STAFFS", "--name", "Another Staffordshire");

        Assert.Equal(1, code);
        Assert.Contains("A hub with code 'STAFFS' already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Hubs.CountAsync()));
    }
}
