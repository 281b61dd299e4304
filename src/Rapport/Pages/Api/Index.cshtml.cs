using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Rapport.Web.Api;

namespace Rapport.Pages.Api;

internal sealed class ApiReferenceModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reference = ApiReference.From(await documents.GetOpenApiDocumentAsync(cancellationToken));
}
