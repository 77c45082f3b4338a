using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Screening;

/// <summary>Fictional contacts and people for front-door tests, written through the application's own services.</summary>
public static class FrontDoorData
{
    public static Task<Guid> HubIdAsync(OpenMashFactory factory, string code = "STAFFS") =>
        factory.WithDbAsync(db => db.Hubs.Where(h => h.Code == code).Select(h => h.Id).SingleAsync());

    public static Task<Guid> AgencyIdAsync(OpenMashFactory factory, string name) =>
        factory.WithDbAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    public static Task<Guid> UserIdAsync(OpenMashFactory factory, string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Runs <paramref name="work"/> in a scope acting as a member of <paramref name="userName"/>'s hub and agency.</summary>
    public static async Task<T> AsUserAsync<T>(OpenMashFactory factory, string userName, Func<IServiceProvider, Task<T>> work)
    {
        var user = await factory.WithDbAsync(db => db.Users.Include(u => u.Agency).SingleAsync(u => u.UserName == userName));
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(user.Id, user.UserName, user.AgencyId, user.HubId, string.Join(',', roles.Order(StringComparer.Ordinal))));
        return await work(scope.ServiceProvider);
    }

    public static async Task<(Guid ContactId, IReadOnlyList<Guid> PersonIds)> ContactAsync(
        OpenMashFactory factory,
        Guid hubId,
        IReadOnlyList<NewPerson> people,
        DateTime? receivedAtUtc = null,
        bool familyConsented = true,
        string? referrerEmail = "dsl@oakbrook.example.org")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(null, "test", null, hubId, null));
        var service = scope.ServiceProvider.GetRequiredService<ContactService>();
        var (contact, errors) = await service.CreateAsync(
            new NewContact
            {
                Channel = ContactChannel.Phone,
                ReceivedAtUtc = receivedAtUtc,
                ReferrerName = "Sam Referrer",
                ReferrerRole = "Designated safeguarding lead",
                ReferrerAgency = "Oakbrook Primary School (demo)",
                ReferrerPhone = "01234 000999",
                ReferrerEmail = referrerEmail,
                ReferrerRelationship = "Teacher",
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "The child arrived hungry and in the same clothes all week (fictional).",
                FamilyAware = true,
                FamilyConsented = familyConsented,
                NoConsentReason = familyConsented ? null : "Parents refused when asked",
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = people,
            },
            new ContactSource());
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)));
        return (contact!.Id, contact.Subjects.Select(s => s.PersonId).ToList());
    }

    public static NewPerson Child(string given, string family = "Testchild") =>
        new(SubjectRole.Child, GivenNames: given, FamilyName: family, DateOfBirth: ChildsBirthday, Sex: Sex.F);

    /// <summary>The age in whole years of a <see cref="Child"/> on the day of <paramref name="nowUtc"/>, so that tests showing ages hold on any date.</summary>
    public static int ChildsAge(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        return today.Year - ChildsBirthday.Year - (today < ChildsBirthday.AddYears(today.Year - ChildsBirthday.Year) ? 1 : 0);
    }

    private static readonly DateOnly ChildsBirthday = new(2016, 4, 1);

    public static NewPerson Existing(Guid personId, SubjectRole role = SubjectRole.Child) => new(role, ExistingPersonId: personId);

    public static async Task AddAsync(OpenMashFactory factory, Guid hubId, params object[] entities)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(null, "test", null, hubId, null));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    /// <summary>A second manager in the hub, for four-eyes and dip-sample journeys.</summary>
    public static async Task AddDemoUserAsync(OpenMashFactory factory, string userName, string role, string hubCode, string agencyName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        if (await db.Users.AnyAsync(u => u.UserName == userName))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = "Second Manager (fictional)",
            AgencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync(),
            HubId = await db.Hubs.Where(h => h.Code == hubCode).Select(h => h.Id).SingleAsync(),
            IsDemoAccount = true,
            LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(user, OpenMashFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
