import EclairageDomain
import Hummingbird

/// A session's registrants as a file for a spreadsheet (CSV) and as a sign-in sheet to print, for
/// those who organise it.
enum RegistrantsExportController {
    @Sendable static func csv(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, training) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let rows = try await services.database.read { try await RegistrationQueries.all(of: sessionID, in: $0) }
        let separator = Download.csvSeparator(request)
        let views = services.views
        let header = ["calendar_csv_name", "field_email", "calendar_csv_status", "calendar_csv_present"].map {
            views.text($0, context)
        }
        let lines = rows.filter { $0.status != RegistrationRow.declined && $0.status != RegistrationRow.expired }.map {
            row in
            [
                row.name, row.email, views.text("calendar.status_\(row.status)", context),
                row.attended == 1 ? views.text("calendar_csv_yes", context) : "",
            ]
        }
        let text = ([header] + lines).map { CSVWriter.line($0, separator: separator) }.joined()
        let day = DateFormatting.parisDay(session.startsAt).iso
        return Download.csv(text, name: "inscrits-\(day)-\(training.id).csv")
    }

    @Sendable static func sheet(_ request: Request, context: AppRequestContext, services: AppServices) async throws
        -> Response
    {
        let sessionID = try context.parameters.require("id")
        let (session, training) = try await OrganiserAccess.session(sessionID, context: context, services: services)
        let rows = try await services.database.read { try await RegistrationQueries.all(of: sessionID, in: $0) }
        let index = try await services.directory.current(services.database)
        return services.views.render(
            "sign-in-sheet", title: "calendar.sheet_title", titleValues: ["name": training.title],
            content: SignInSheetPage.Model(
                session, training: training, place: index.entry(id: training.placeId)?.place, registrations: rows,
                context: context),
            context: context)
    }
}
