using Dixis.AppHost.Model;

namespace Dixis.AppHost.Hosting;

/// <summary>A resource being declared; what <c>WithReference</c> accepts.</summary>
public interface IResourceBuilder
{
    /// <summary>The resource declared.</summary>
    Resource Resource { get; }
}
