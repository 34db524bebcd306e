namespace Dixis.ServiceDefaults.Security;

/// <summary>
/// The caller of the current request as the access-token handler established it, computed once per token (not once
/// per request, nor once per reader), so the access checks, the rate limits and the service read one shared instance.
/// </summary>
public sealed class CallerFeature(Caller caller)
{
    public Caller Caller { get; } = caller;
}
