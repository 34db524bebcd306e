using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Dixis.Gateway.Tests.RateLimiting;

/// <summary>
/// Test hosts only: gives each request the client address named by <see cref="Header"/>, as a socket would, so one
/// in-process gateway can be called "from" many addresses. It runs first in the pipeline and removes the header;
/// the gateway itself trusts no header for the client address.
/// </summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "x-test-client-address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.Remove(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };
}
