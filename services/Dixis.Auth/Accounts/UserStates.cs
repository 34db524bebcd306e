using Dixis.Auth.Model;
using Dixis.Contracts.Auth.V1;

namespace Dixis.Auth.Accounts;

/// <summary>A user's state as it applies now: a lockout that has run out is no lockout.</summary>
public static class UserStates
{
    public static UserState Effective(UserRecord user, long nowMs) =>
        user.State == UserState.Locked && (user.LockoutEndMs ?? 0) <= nowMs ? UserState.Active : user.State;
}
