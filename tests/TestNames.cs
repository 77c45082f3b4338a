using System.Reflection;
using System.Text.RegularExpressions;

namespace OpenMash.Tests;

/// <summary>
/// One naming style for every test project (this file is linked into each): Action_Condition_Result, three
/// PascalCase parts, e.g. <c>Post_WhenConsentRefusedAndNoOverride_WithholdsHealthInformation</c>. See docs/testing.md.
/// </summary>
public sealed partial class TestNames
{
    [Fact]
    public void TestMethods_InThisProject_AreNamedActionConditionResult()
    {
        var tests = typeof(TestNames).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true))
            .ToList();

        Assert.NotEmpty(tests);
        Assert.Empty(tests.Where(m => !ActionConditionResult().IsMatch(m.Name)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*_[A-Z0-9][A-Za-z0-9]*_[A-Z0-9][A-Za-z0-9]*$")]
    private static partial Regex ActionConditionResult();
}
