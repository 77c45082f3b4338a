namespace OpenMash.Matching.Tests;

public class BlockingTests
{
    private static readonly MatchRecord Child = new("a")
    {
        GivenNames = "Oliver James",
        FamilyName = "Thornbury",
        DateOfBirth = new PartialDate(2016, 3, 9),
        Sex = Sex.Male,
        NhsNumber = "9434765919",
        Postcode = "QA1 2BC",
        AddressLine = "12 Acacia Road",
        Town = "Riverby",
    };

    private static bool ShareAKey(MatchRecord a, MatchRecord b)
    {
        var ka = new List<ulong>();
        var kb = new List<ulong>();
        Blocking.Keys(PreparedRecord.From(a), ka);
        Blocking.Keys(PreparedRecord.From(b), kb);
        return ka.Intersect(kb).Any();
    }

    public static TheoryData<string> Changes() => ["given", "family", "dob", "nhs", "postcode", "swap", "nickname", "moved", "everything-but-names", "both-names-and-postcode"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void BlockingKeys_AfterAnySingleChange_StillShareAKey(string change)
    {
        var other = change switch
        {
            "given" => Child with { GivenNames = "Oliber" },
            "family" => Child with { FamilyName = "Thornbery" },
            "dob" => Child with { DateOfBirth = new PartialDate(2016, 9, 3) },
            "nhs" => Child with { NhsNumber = null },
            "postcode" => Child with { Postcode = "QA1 2CB" },
            "swap" => Child with { GivenNames = "Thornbury", FamilyName = "Oliver" },
            "nickname" => Child with { GivenNames = "Ollie" },
            "moved" => Child with { Postcode = "QZ9 9ZZ", AddressLine = "3 Oak Lane", Town = "Upwick", NhsNumber = null },
            "both-names-and-postcode" => Child with { GivenNames = "Tia", FamilyName = "Georfe", Postcode = "QA9 9ZZ", AddressLine = "Acacia Rd", NhsNumber = null },
            _ => Child with { DateOfBirth = new PartialDate(2015, 1, 1), NhsNumber = null, Postcode = null, AddressLine = null, Town = null },
        };

        Assert.True(ShareAKey(Child, other with { Id = "b" }), change);
    }

    [Fact]
    public void BlockingKeys_InABatchForARecordWithoutNames_MeetOthersBornTheSameDay()
    {
        var nameless = new MatchRecord("n") { DateOfBirth = Child.DateOfBirth, Town = "Elsewhere" };
        var ka = new List<ulong>();
        var kb = new List<ulong>();
        Blocking.Keys(PreparedRecord.From(Child), ka);
        Blocking.Keys(PreparedRecord.From(nameless), kb);
        Assert.Empty(ka.Intersect(kb));

        ka.Clear();
        kb.Clear();
        Blocking.Keys(PreparedRecord.From(Child), ka, batch: true);
        Blocking.Keys(PreparedRecord.From(nameless), kb, batch: true);
        Assert.NotEmpty(ka.Intersect(kb));
    }

    [Fact]
    public void BlockingKeys_OfUnrelatedChildren_ShareNothing()
    {
        var stranger = new MatchRecord("c")
        {
            GivenNames = "Amelia",
            FamilyName = "Okafor",
            DateOfBirth = new PartialDate(2012, 7, 21),
            NhsNumber = "4010232137",
            Postcode = "QM4 7XY",
            AddressLine = "88 Willow Way",
            Town = "Upwick",
        };

        Assert.False(ShareAKey(Child, stranger));
    }
}
