import EclairageDomain
import Hummingbird

/// Documents an association can use at once, filled in from its profile, inventory and register
/// (`DocumentDrafts`): a list, each document as a page to read and print, and as Markdown to edit.
/// They read the inventory and the register, so they follow the inventory's access (members; an
/// advisor only where the association shares it, each read logged).
enum DocumentsController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "documents")
        let model = DocumentsPage.Model.make(access, wording: services.documentWording)
        return services.views.render("documents", title: "documents.title", content: model, context: context)
    }

    @Sendable static func show(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (access, draft) = try await load(request, context: context, services: services)
        let model = DocumentPage.Model.make(access, draft: draft)
        return services.views.render(
            "document", title: "documents.title", content: model, context: context)
    }

    @Sendable static func download(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let (_, draft) = try await load(request, context: context, services: services)
        return Download.file(
            ByteBuffer(string: draft.document.markdown()), type: "text/markdown; charset=utf-8",
            name: "\(draft.document.kind.rawValue).md")
    }

    static func load(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> (InventoryAccess, DocumentDraft)
    {
        guard let kind = AssociationDocument.Kind(rawValue: try context.parameters.require("kind")) else {
            throw PageError.notFound
        }
        let access = try await InventoryAccess.load(context, services: services, what: "documents")
        let query = try await RegisterPage.Query.load(access, services: services)
        let draft = DocumentDraft.make(
            kind, access: access, query: query, chosen: request.queryFields.all("activite"), services: services,
            context: context)
        return (access, draft)
    }
}
