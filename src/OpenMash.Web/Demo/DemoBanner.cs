namespace OpenMash.Web.Demo;

/// <summary>What a newcomer needs to sign in to the demo, printed once the server is listening.</summary>
public static class DemoBanner
{
    public static void Print(ICollection<string> urls, string password, string? apiClientSecret)
    {
        var lines = new List<string>
        {
            string.Empty,
            "OpenMash demo (fictional data only)",
            $"  Open:      {string.Join(", ", urls)}",
            $"  Password:  {password}   (for every demo user; two-factor sign-in is skipped for demo users)",
            "  Users:",
        };
        lines.AddRange(DemoSeeder.Accounts.Select(a => $"    {a.UserName,-18} {Security.Roles.DisplayName(a.Role)}{(a.AlsoHolds is { } also ? " + " + Security.Roles.DisplayName(also) : string.Empty)}, {a.Agency} ({a.Hub})"));
        if (apiClientSecret is not null)
        {
            lines.Add($"  API:       client {DemoSeeder.DemoApiClientId} (Staffordshire Police, STAFFS), secret {apiClientSecret}");
            lines.Add("             POST /connect/token (client credentials), then POST /api/v1/contacts; described at /openapi/v1.json");
        }

        lines.Add(string.Empty);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
