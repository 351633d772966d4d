import EclairageDomain
import Foundation
import Hummingbird

/// The administrator's import of a file in the national schema: upload (streamed to disk), a preview
/// of what would change and of every refused row, then apply or abandon.
enum DirectoryImportController {
    static let maxBytes = 60 * 1024 * 1024

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        return try await render(error: nil, context: context, services: services)
    }

    static func render(
        error: String?, context: AppRequestContext, services: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let imports = try await services.database.read { try await DirectoryImportQueries.recent(limit: 20, in: $0) }
        return services.views.render(
            "directory-imports", title: "directory.imports_title",
            content: DirectoryImportsPage.Model(imports, error: error, services: services, context: context),
            context: context, status: status)
    }

    @Sendable static func upload(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        guard let expected = context.uploadCSRF else { throw PageError.csrf }
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eclairage-import-\(services.tokens.identifier()).csv")
        defer { try? FileManager.default.removeItem(at: destination) }
        let received: UploadStream.Received
        do {
            received = try await UploadStream.receive(
                request, context: context, fileField: "fichier", destination: destination, maxBytes: maxBytes,
                expectedCSRF: expected)
        } catch UploadStream.Failure.csrf {
            throw PageError.csrf
        } catch UploadStream.Failure.tooLarge {
            return try await render(
                error: services.views.text("directory_import_too_large", context), context: context, services: services,
                status: .contentTooLarge)
        } catch {
            return try await render(
                error: services.views.text("directory_import_no_file", context), context: context, services: services,
                status: .unprocessableContent)
        }
        do {
            let id = try await DirectoryImport.receive(
                file: received.file, fileName: received.fileName, by: user.id, directory: services.directory,
                services: services)
            await services.scheduler.runSoon(DirectoryImport.job, waitingAtMost: DirectoryImport.wait)
            return redirect(to: .adminImport(id), flash: try await outcome(id, services: services))
        } catch let failure as DirectoryImport.Failure {
            let message =
                switch failure {
                case .unreadable: services.views.text("directory_import_unreadable", context)
                case .empty: services.views.text("directory_import_empty", context)
                case .header(let text): text
                }
            return try await render(error: message, context: context, services: services, status: .unprocessableContent)
        }
    }

    /// What the import's page says on arrival: its outcome when the job finished in time, else that it goes on.
    static func outcome(_ id: String, services: AppServices) async throws -> String {
        let status = try await services.database.read { try await DirectoryImportQueries.find(id, in: $0) }?.status
        return switch status {
        case DirectoryImportQueries.checking: "directory.import_checking"
        case DirectoryImportQueries.applying: "directory.import_applying"
        case DirectoryImportQueries.applied: "directory.import_applied"
        case DirectoryImportQueries.discarded: "directory.import_unreadable_later"
        default: "directory.import_checked"
        }
    }
}
