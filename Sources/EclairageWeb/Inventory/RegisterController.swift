import EclairageDomain
import Hummingbird

/// The GDPR register of processing activities (art. 30): activities from templates, linked to the
/// inventory's assets (where the data lives comes from them), a CSV and a printable register. The
/// activity form: `RegisterController+Activity.swift`.
enum RegisterController {
    @Sendable static func list(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let query = try await RegisterPage.Query.load(access, services: services)
        let model = RegisterPage.Model.make(access, query: query, services: services, context: context)
        return services.views.render("register", title: "register.title", content: model, context: context)
    }

    @Sendable static func printable(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let query = try await RegisterPage.Query.load(access, services: services)
        let model = RegisterPage.Model.printable(access, query: query, views: services.views, context: context)
        return services.views.render("register-print", title: "register.print_title", content: model, context: context)
    }

    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let access = try await InventoryAccess.load(context, services: services, what: "register")
        let query = try await RegisterPage.Query.load(access, services: services)
        let text = RegisterPage.csv(
            query, separator: Download.csvSeparator(request), views: services.views, context: context)
        return Download.csv(text, name: "registre-rgpd.csv")
    }
}
