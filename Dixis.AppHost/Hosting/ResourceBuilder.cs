using Dixis.AppHost.Model;

namespace Dixis.AppHost.Hosting;

/// <summary>Declares one resource fluently: what it references and which variables it gets.</summary>
public sealed class ResourceBuilder<TResource>(TResource resource) : IResourceBuilder
    where TResource : Resource
{
    /// <summary>The resource declared.</summary>
    public TResource Resource { get; } = resource;

    Resource IResourceBuilder.Resource => Resource;

    /// <summary>
    /// This resource uses the given ones: it starts after they are healthy and receives their connection
    /// strings (<c>ConnectionStrings__&lt;name&gt;</c>) or endpoints (<c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>).
    /// A reference to a skipped resource (e.g. Redis not installed) adds nothing: the service uses its embedded default.
    /// </summary>
    public ResourceBuilder<TResource> WithReference(params IResourceBuilder[] references)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (Resource is not ProjectResource)
        {
            throw new InvalidOperationException($"'{Resource.Name}' is a {Resource.Kind} resource; only projects take references.");
        }

        foreach (var reference in references)
        {
            ArgumentNullException.ThrowIfNull(reference);
            if (ReferenceEquals(reference.Resource, Resource))
            {
                throw new InvalidOperationException($"'{Resource.Name}' cannot reference itself.");
            }

            Resource.AddReference(reference.Resource);
        }

        return this;
    }

    /// <summary>Sets a variable of the resource's process.</summary>
    public ResourceBuilder<TResource> WithEnvironment(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        Resource.SetEnvironment(key, value);
        return this;
    }
}
