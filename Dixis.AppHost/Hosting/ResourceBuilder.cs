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

    /// <summary>
    /// This project calls the given ones but does not wait for them: it receives their endpoints
    /// (<c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>) only. For a call back to a service that references this one
    /// (shipping reports progress to orders, which uses shipping), where <see cref="WithReference"/> would be a start-order
    /// cycle; the caller must tolerate the other being down for a while (shipping retries through its outbox).
    /// </summary>
    public ResourceBuilder<TResource> WithEndpointsOf(params IResourceBuilder[] projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        foreach (var project in projects)
        {
            ArgumentNullException.ThrowIfNull(project);
            if (Resource is not ProjectResource || project.Resource is not ProjectResource || ReferenceEquals(project.Resource, Resource))
            {
                throw new InvalidOperationException($"'{Resource.Name}' can take the endpoints of other projects only.");
            }

            Resource.AddEndpointReference(project.Resource);
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
