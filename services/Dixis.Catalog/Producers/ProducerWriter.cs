using Dixis.Catalog.Model;
using Dixis.Catalog.Products;
using Dixis.Contracts.Catalog.V1;
using Dixis.Persistence.Documents;
using Dixis.Persistence.Errors;
using Dixis.ServiceDefaults.Grpc;
using Dixis.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;

namespace Dixis.Catalog.Producers;

/// <summary>Creates and updates producers. Producers edit their own profile; only admins create them or change their state.</summary>
public sealed class ProducerWriter(ProducerDirectory directory, CatalogChanges changes, TimeProvider timeProvider)
{
    private const string Domain = CatalogErrors.Domain;

    private static readonly HashSet<string> Writable = new(StringComparer.Ordinal)
    {
        "slug", "display_name", "description", "region", "logo_uri", "origin_postal_code", "origin_region_code", "state",
    };

    private static readonly HashSet<string> NotWritable = new(StringComparer.Ordinal) { "id", "product_count", "create_time", "update_time", "etag" };

    public async Task<Producer> CreateAsync(Producer request, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            throw RpcErrors.PermissionDenied(Domain, RpcErrors.AccessDeniedReason, "Only administrators create producers.");
        }

        ProducerValidator.Validate(request).ThrowIfAny(Domain);
        var now = timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("D");
        Document<ProducerRecord> stored;
        try
        {
            stored = await directory.Producers.InsertAsync(id, ProducerMapper.ToRecord(request, now.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()), cancellationToken);
        }
        catch (UniqueIndexViolationException)
        {
            throw SlugTaken(request.Slug);
        }

        await changes.ProducerChangedAsync(id, cancellationToken);
        return ProducerMapper.ToContract(stored);
    }

    public async Task<Producer> UpdateAsync(Producer request, FieldMask? mask, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Id))
        {
            throw RpcErrors.InvalidField(Domain, "producer.id", "is required.");
        }

        if (!caller.IsAdmin && caller.ProducerId != request.Id)
        {
            // Producers see only their own profile as editable; another producer's is reported as not found.
            throw CatalogErrors.ProducerNotFound(request.Id);
        }

        var paths = Paths(mask, caller);
        var current = await directory.Producers.GetAsync(request.Id, cancellationToken) ?? throw CatalogErrors.ProducerNotFound(request.Id);
        if (request.Etag.Length > 0 && (!Etag.TryParse(request.Etag, out var version) || version != current.Version))
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }

        var merged = ProducerMapper.ToContract(current);
        foreach (var path in paths)
        {
            Apply(path, request, merged);
        }

        ProducerValidator.Validate(merged).ThrowIfAny(Domain);
        var record = ProducerMapper.ToRecord(merged, current.Value.CreateTimeMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        Document<ProducerRecord> stored;
        try
        {
            stored = await directory.Producers.ReplaceAsync(current.Id, record, current.Version, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw RpcErrors.EtagMismatch(Domain, current.Id);
        }
        catch (UniqueIndexViolationException)
        {
            throw SlugTaken(record.Slug);
        }

        await changes.ProducerChangedAsync(current.Id, cancellationToken);
        return ProducerMapper.ToContract(stored);
    }

    private static List<string> Paths(FieldMask? mask, Caller caller)
    {
        var violations = new FieldViolations();
        if (mask is null || mask.Paths.Count == 0)
        {
            violations.Add("update_mask", "is required: name the fields to change, e.g. 'display_name,description'.");
        }

        var paths = new List<string>();
        foreach (var path in mask?.Paths ?? [])
        {
            if (path == "state" && !caller.IsAdmin)
            {
                violations.Add("update_mask", "'state' is changed by administrators only.", RpcErrors.FieldNotWritableReason);
            }
            else if (Writable.Contains(path))
            {
                paths.Add(path);
            }
            else if (NotWritable.Contains(path))
            {
                violations.Add("update_mask", $"'{path}' cannot be changed.", RpcErrors.FieldNotWritableReason);
            }
            else
            {
                violations.Add("update_mask", $"'{Text.LocalizedTextRules.Shorten(path)}' is not a field of Producer that can be updated.");
            }
        }

        violations.ThrowIfAny(Domain);
        return paths;
    }

    private static void Apply(string path, Producer source, Producer target)
    {
        switch (path)
        {
            case "slug": target.Slug = source.Slug; break;
            case "display_name": target.DisplayName = source.DisplayName; break;
            case "description": target.Description = source.Description?.Clone(); break;
            case "region": target.Region = source.Region?.Clone(); break;
            case "logo_uri": target.LogoUri = source.LogoUri; break;
            case "origin_postal_code": target.OriginPostalCode = source.OriginPostalCode; break;
            case "origin_region_code": target.OriginRegionCode = source.OriginRegionCode; break;
            case "state": target.State = source.State; break;
            default: throw new InvalidOperationException($"Path '{path}' is writable but not applied.");
        }
    }

    private static global::Grpc.Core.RpcException SlugTaken(string slug) =>
        RpcErrors.AlreadyExists(Domain, CatalogErrors.Reason(ErrorReason.SlugAlreadyExists), CatalogErrors.ProducerType, slug,
            $"Another producer already has the slug '{slug}'.", new Dictionary<string, string> { ["slug"] = slug });
}
