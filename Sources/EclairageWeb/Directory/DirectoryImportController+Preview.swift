import EclairageDomain
import Hummingbird

extension DirectoryImportController {
    @Sendable static func preview(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        let query = try await DirectoryImportPage.Query.load(id, services: services)
        return services.views.render(
            "directory-import", title: "directory.import_title", titleValues: ["name": query.found.fileName],
            content: DirectoryImportPage.Model(query), context: context)
    }

    @Sendable static func apply(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let user = try context.requireEditor()
        let id = try context.parameters.require("id")
        let requested = try await services.database.write { sql -> Bool? in
            guard try await DirectoryImportQueries.find(id, in: sql) != nil else { return nil }
            return try await DirectoryImportQueries.requestApply(id, by: user.id, in: sql)
        }
        guard let requested else { throw PageError.notFound }
        guard requested else { return redirect(to: .adminImport(id), flash: "directory.import_not_staged") }
        await services.scheduler.runSoon(DirectoryImport.job, waitingAtMost: DirectoryImport.wait)
        return redirect(to: .adminImport(id), flash: try await outcome(id, services: services))
    }

    @Sendable static func discard(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        _ = try context.requireEditor()
        let id = try context.parameters.require("id")
        try await services.database.write { sql in
            guard let found = try await DirectoryImportQueries.find(id, in: sql),
                found.status == DirectoryImportQueries.staged
            else { return }
            try await DirectoryImportQueries.discard(id, in: sql)
        }
        return redirect(to: .adminDirectory, flash: "directory.import_discarded")
    }
}
