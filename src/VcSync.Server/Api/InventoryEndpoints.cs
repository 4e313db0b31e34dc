using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using VcSync.Storage;
using VcSync.Storage.Reads;

namespace VcSync.Server.Api;

/// <summary><c>GET /api/v1/{listing}</c> and <c>GET /api/v1/{listing}/{id}</c> for every listing but jobs.</summary>
internal static class InventoryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        foreach (var resource in ListResources.All)
        {
            api.MapGet($"/{resource.Name}", (HttpContext context, IInventoryStore store, IInventoryReads reads, CancellationToken cancellationToken) =>
                    ListAsync(resource, context, store, reads, cancellationToken))
                .WithName($"list-{resource.Name}")
                .WithTags(resource.Name)
                .WithSummary($"A page of {resource.Name}: search, filter, sort, limit and offset")
                .Produces<ItemList>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .AddOpenApiOperationTransformer((operation, _, _) =>
                {
                    operation.Parameters ??= [];
                    foreach (var (name, description) in QueryParameters(resource))
                    {
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = name,
                            In = ParameterLocation.Query,
                            Description = description,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                    }

                    return Task.CompletedTask;
                });
            if (resource == ListResources.Jobs)
            {
                continue;
            }

            api.MapGet($"/{resource.Name}/{{id:guid}}", async (Guid id, IInventoryReads reads, CancellationToken cancellationToken) =>
                    await reads.FindAsync(resource, id, cancellationToken) is { } item
                        ? Results.Json(new ApiItem(resource, item), ApiJsonContext.Default.ApiItem)
                        : ApiProblems.NotFound($"no item of {resource.Name} has id {id}"))
                .WithName($"get-{resource.Name}")
                .WithTags(resource.Name)
                .WithSummary($"One item of {resource.Name}")
                .Produces<ApiItem>()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }
    }

    internal static async Task<IResult> ListAsync(
        ListResource resource, HttpContext context, IInventoryStore store, IInventoryReads reads, CancellationToken cancellationToken)
    {
        var (query, error) = await ListRequest.ParseAsync(resource, context.Request.Query, store, cancellationToken);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        try
        {
            var page = await reads.ListAsync(resource, query, cancellationToken);
            return Results.Json(
                new ItemList([.. page.Items.Select(i => new ApiItem(resource, i))], page.Total),
                ApiJsonContext.Default.ItemList);
        }
        catch (ListQueryException exception)
        {
            return ApiProblems.BadRequest(exception.Message);
        }
    }

    private static IEnumerable<(string Name, string Description)> QueryParameters(ListResource resource)
    {
        yield return ("search", "Name contains this, case-insensitively");
        if (resource.HasVCenter)
        {
            yield return ("vcenter", "Only items of the vCenter with this name");
        }

        foreach (var filter in resource.Filters)
        {
            yield return (filter.Name, filter switch
            {
                { IsNullTest: true } or { Kind: Storage.Schema.ColumnKind.Boolean } => "true or false",
                { Kind: Storage.Schema.ColumnKind.Timestamp, Comparison: ">=" } => "At or after this ISO 8601 time",
                { Kind: Storage.Schema.ColumnKind.Timestamp } => "Before this ISO 8601 time",
                { Kind: Storage.Schema.ColumnKind.Integer } => "Equals this number",
                _ => "Equals this text",
            });
        }

        yield return ("sort", $"A column, '-' before it for descending (default {resource.DefaultSort})");
        yield return ("limit", $"Items per page, 1 to {ListQuery.MaxLimit} (default 50)");
        yield return ("offset", "Items to skip (default 0)");
    }
}
