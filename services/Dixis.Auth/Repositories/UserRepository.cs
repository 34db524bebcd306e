using Dixis.Auth.Model;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.Persistence.Queries;

namespace Dixis.Auth.Repositories;

/// <summary>Users by id and by normalized email (a unique index).</summary>
public sealed class UserRepository(IDocumentCollection<UserRecord> users)
{
    public IDocumentCollection<UserRecord> Users => users;

    public Task<Document<UserRecord>?> GetAsync(string userId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(userId) || userId.Length > 256 ? Task.FromResult<Document<UserRecord>?>(null) : users.GetAsync(userId, cancellationToken);

    public async Task<Document<UserRecord>?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var page = await users.QueryAsync(new Query { Filter = Filter.Eq("email", normalizedEmail), PageSize = 1 }, cancellationToken);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current user and stores it, re-reading and re-applying when another
    /// write came first (optimistic concurrency), so concurrent changes of different fields are never lost.
    /// Returns null when the user does not exist; <paramref name="change"/> returning null means "nothing to change".
    /// </summary>
    public async Task<Document<UserRecord>?> UpdateAsync(string userId, Func<Document<UserRecord>, UserRecord?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(userId, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var changed = change(current);
            if (changed is null)
            {
                return current;
            }

            try
            {
                return await users.ReplaceAsync(userId, changed, current.Version, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }
    }
}
