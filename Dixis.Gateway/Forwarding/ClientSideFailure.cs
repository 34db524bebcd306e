using Grpc.Core;

namespace Dixis.Gateway.Forwarding;

/// <summary>
/// What a caller learns when the gateway's own client fails before the service answered (connection refused, name
/// not resolved): the status code, and a message that names the method but none of the internal addresses the
/// client's own message contains; that one goes to the gateway's log.
/// </summary>
public static class ClientSideFailure
{
    public static string Message(string method, StatusCode code) => code == StatusCode.Unavailable
        ? $"The service that serves {method} is unavailable; try again later."
        : $"The call to the service that serves {method} failed before it answered.";
}
