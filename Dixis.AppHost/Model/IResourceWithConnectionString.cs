namespace Dixis.AppHost.Model;

/// <summary>A resource that others reach through <c>ConnectionStrings__&lt;name&gt;</c> (Aspire convention).</summary>
public interface IResourceWithConnectionString
{
    /// <summary>The connection string, available once the endpoints are allocated.</summary>
    string ConnectionString { get; }
}
