namespace Rapport.Contract.Tests.OpenApi;

/// <summary>Which way a document travels: readOnly properties are only required in responses, writeOnly ones only in requests.</summary>
internal enum SchemaDirection
{
    Request,
    Response,
}
