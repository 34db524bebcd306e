namespace Dixis.Orders.Model;

/// <summary>
/// One producer's parcel of a placed order, stored next to the order (id <c>&lt;order&gt;/&lt;parcel&gt;</c>) so that a
/// producer's orders (and the admin filter by producer) are an indexed query: the stores cannot index array members.
/// Written in the same unit of work as every order change that moves the state.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="ProducerId">The producer shipping the parcel.</param>
/// <param name="CustomerUserId">The order's customer (admin filter).</param>
/// <param name="State">The order's state (filter), kept in step with the order.</param>
/// <param name="CreateTimeMs">When the order was created (newest first).</param>
public sealed record OrderParcelEntry(string OrderId, string ProducerId, string CustomerUserId, string State, long CreateTimeMs);
