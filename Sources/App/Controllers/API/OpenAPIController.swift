import Vapor

/// Serves the API's OpenAPI 3.1 document (`Resources/OpenAPI/openapi.json`) as it is.
enum OpenAPIController {
    @Sendable static func document(req: Request) async throws -> Response {
        try APIJSON.allowQuery(req)
        let response = try await req.fileio.asyncStreamFile(at: req.application.mentore.config.openAPIFile)
        response.headers.contentType = .json
        return response
    }
}
