var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => "Healthy").AllowAnonymous();
await app.RunAsync();
