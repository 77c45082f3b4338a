namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>
/// The application with the production password hash cost (210,000 PBKDF2 iterations), for the tests of signing in
/// through the form, two-factor set-up and sessions. The demo users' cheap template hashes are re-hashed at this
/// cost when it starts, as a real demo start-up does when the password changes.
/// </summary>
public sealed class ProductionHashingFactory : OpenMashFactory
{
    public ProductionHashingFactory()
    {
        Settings.Remove("Security:PasswordHashIterations");
    }
}
