using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Messaging;

/// <summary>The application pointed at a test SMTP server's port (plain SMTP on loopback); the server itself is started by each test.</summary>
public sealed class SmtpFactory : OpenMashFactory
{
    public SmtpFactory()
    {
        Port = TestSmtpServer.FreePort();
        Point(this, Port);
    }

    public int Port { get; }

    /// <summary>Points <paramref name="factory"/> (before its first use) at the test server's port, with retries one minute apart.</summary>
    public static void Point(OpenMashFactory factory, int port)
    {
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Smtp:Security"] = "None";
        factory.Settings["Smtp:From"] = "OpenMash test <mash@example.gov.uk>";
        factory.Settings["Smtp:BaseUrl"] = "https://mash.example.gov.uk";
        factory.Settings["Smtp:TimeoutSeconds"] = "5";
        factory.Settings["Smtp:FirstRetrySeconds"] = "60";
        factory.Settings["Smtp:MaxAttempts"] = "3";
    }
}
