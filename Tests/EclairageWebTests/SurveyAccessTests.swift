import Foundation
import Hummingbird
import Testing

@testable import EclairageWeb

/// The survey's routes in the access matrix: every kind of person of `AccessMatrixTests.world` on each
/// route. The network (the administrator) writes surveys and reads results with free texts; advisors
/// of a vetted body read the published figures; anyone may open a survey's link and answer.
@Suite("Access: field survey routes × roles")
struct SurveyAccessTests {
    typealias Role = AccessMatrixTests.Role

    struct Case: Sendable {
        let method: HTTPRequest.Method
        let path: @Sendable (_ open: SurveyRow, _ editable: SurveyRow) -> String
        let fields: [String: String]
        let expected: [Role: HTTPResponse.Status]
    }

    /// The network only; the others are refused (403, signed out: invited to sign in).
    static func network(_ status: HTTPResponse.Status) -> [Role: HTTPResponse.Status] {
        AccessMatrixTests.expect(
            .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .forbidden,
            otherAdvisor: .forbidden, admin: status)
    }

    /// The network and the advisors of a vetted body (the world's first body is vetted, the other not).
    static let readers = AccessMatrixTests.expect(
        .forbidden, outsider: .forbidden, member: .forbidden, owner: .forbidden, advisor: .ok,
        otherAdvisor: .forbidden, admin: .ok)

    static let everyone = AccessMatrixTests.expect(
        .ok, outsider: .ok, member: .ok, owner: .ok, advisor: .ok, otherAdvisor: .ok, admin: .ok)

    static let cases: [Case] = [
        Case(method: .get, path: { _, _ in "/enquetes" }, fields: [:], expected: network(.ok)),
        Case(method: .get, path: { _, _ in "/enquetes/nouvelle" }, fields: [:], expected: network(.ok)),
        Case(
            method: .post, path: { _, _ in "/enquetes/nouvelle" }, fields: SurveyWebTests.fields(title: "Autre"),
            expected: network(.seeOther)),
        Case(method: .get, path: { "/enquetes/\($1.id)/modifier" }, fields: [:], expected: network(.ok)),
        Case(
            method: .post, path: { "/enquetes/\($1.id)/modifier" },
            fields: SurveyWebTests.fields(title: "À venir", opens: "2026-12-01", closes: "2026-12-31"),
            expected: network(.seeOther)),
        Case(
            method: .post, path: { "/enquetes/\($1.id)/etat" }, fields: ["action": "close"],
            expected: network(.seeOther)),
        Case(method: .get, path: { open, _ in "/enquetes/\(open.id)/resultats" }, fields: [:], expected: readers),
        Case(method: .get, path: { open, _ in "/enquetes/\(open.id)/resultats.csv" }, fields: [:], expected: readers),
        Case(method: .get, path: { open, _ in "/enquetes/\(open.token)" }, fields: [:], expected: everyone),
        Case(
            method: .post, path: { open, _ in "/enquetes/\(open.token)" }, fields: ["departement": "37", "q-q1": "1"],
            expected: AccessMatrixTests.expect(
                .seeOther, outsider: .seeOther, member: .seeOther, owner: .seeOther, advisor: .seeOther,
                otherAdvisor: .seeOther, admin: .seeOther)),
    ]

    @Test("Each role gets exactly the expected answer on each survey route; a refusal shows nothing of the survey")
    func matrix() async throws {
        try await withApp { app in
            let world = try await AccessMatrixTests.world(app)
            let admin = try #require(world.browsers[.admin])
            _ = try await admin.submit("/enquetes/nouvelle", SurveyWebTests.fields(title: "Enquête ouverte"))
            let upcoming = try await admin.submit(
                "/enquetes/nouvelle", SurveyWebTests.fields(title: "À venir", opens: "2026-12-01", closes: "2026-12-31")
            )
            #expect(upcoming.status == .seeOther, "\(upcoming.text.split(separator: "<main").last?.prefix(1500) ?? "")")
            let surveys = try await app.services.database.read { try await SurveyQueries.all(in: $0) }
            let open = try #require(surveys.first { $0.survey.title == "Enquête ouverte" })
            let editable = try #require(surveys.first { $0.survey.title == "À venir" })
            for testCase in Self.cases {
                for role in Role.allCases {
                    let browser = try #require(world.browsers[role])
                    let path = testCase.path(open, editable)
                    let page =
                        testCase.method == .get
                        ? try await browser.get(path) : try await browser.submit(path, testCase.fields)
                    #expect(page.status == testCase.expected[role], "\(role) \(testCase.method) \(path)")
                    if page.status == .forbidden || page.status == .notFound {
                        #expect(
                            !page.text.contains("Enquête ouverte") && !page.text.contains("À venir"), "\(role) \(path)")
                    }
                }
            }
            // Seven roles answered: the five without an association of the territory each from their
            // own browser, and none of them could change the editable survey.
            #expect(try await SurveyWebTests.responses(app, open).count == 7)
            let kept = try await app.services.database.read { try await SurveyQueries.find(id: editable.id, in: $0) }
            #expect(kept?.survey.title == "À venir")
        }
    }
}
