using System.Net;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Shared;

/// <summary>Every GOV.UK table scrolls inside a labelled region of its own, so a narrow screen never scrolls the whole page.</summary>
public sealed class TableScrollTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public void CaptionOf_CaptionWithMarkupAndEntities_GivesItsWords()
    {
        Assert.Equal("Reads & changes of this record", TableScrollTagHelper.CaptionOf(
            "<caption class=\"govuk-table__caption\">\n  Reads &amp; <span>changes</span>\n of this record</caption><thead></thead>"));
        Assert.Null(TableScrollTagHelper.CaptionOf("<thead><tr><th>Who</th></tr></thead>"));
    }

    [Theory]
    [InlineData("staffs.ig", "/Audit")]
    [InlineData("staffs.screener", "/Screening")]
    [InlineData("staffs.police", "/Checks")]
    [InlineData("staffs.manager", "/Screening/Workload")]
    public async Task Tables_OnCaseworkPages_ScrollInsideALabelledKeyboardRegion(string user, string path)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);

        var (response, page) = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tables = page.QuerySelectorAll("table.govuk-table");
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var region = table.ParentElement!;
            Assert.True(region.ClassList.Contains("openmash-table-scroll"), $"{path}: a table is not in a scrolling container");
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")), $"{path}: a table's scrolling region has no name");
            Assert.Null(region.ParentElement!.Closest(".openmash-table-scroll"));
        }
    }
}
