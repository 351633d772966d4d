import EclairageDomain
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EclairageWeb

@Suite("A past report keeps its figures when the content changes")
struct ReportStabilityTests {
    /// A copy of the content where every best answer is now worth 10 and the version is new.
    static func changedContent() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eclairage-content-\(Token.random(length: 8))")
        try FileManager.default.copyItem(atPath: contentPath, toPath: folder.path)
        let questionnaire = folder.appendingPathComponent("questionnaire/questionnaire.yaml")
        let text = try String(contentsOf: questionnaire, encoding: .utf8)
        try text.replacingOccurrences(of: "version: \"2026.", with: "version: \"2099.").write(
            to: questionnaire, atomically: true, encoding: .utf8)
        let themes = folder.appendingPathComponent("questionnaire/themes")
        for file in try FileManager.default.contentsOfDirectory(atPath: themes.path) {
            let url = themes.appendingPathComponent(file)
            let yaml = try String(contentsOf: url, encoding: .utf8)
            try yaml.replacingOccurrences(of: "score: 100", with: "score: 10").write(
                to: url, atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    @Test(
        "Answered with one version, read with the next: same level, scores and export, and the report names its version"
    )
    func pastReport() async throws {
        let content = try Self.changedContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answerAll(visitor, id: id) { q in q.bestOption }
            let before = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(before.text.contains(#"<span class="level-badge level-A">A</span>"#))
            #expect(!before.text.contains("a été rempli avec la version"))

            // The same database, read by a server whose questionnaire changed.
            let (time, _) = TimeSource.manual()
            let services = try await AppServices(
                configuration: try testConfiguration(["CONTENT_PATH": content]), database: app.services.database,
                mailer: RecordingMailer(), time: time, logger: TestDatabase.logger
            )
            #expect(services.questionnaire.version.hasPrefix("2099."))
            let later = Application(router: buildRouter(services: services), logger: TestDatabase.logger)
            try await later.test(.router) { client in
                let reader = Browser(client: client)
                reader.setCookie(DiagnosticAccess.cookieName, try #require(visitor.cookie(DiagnosticAccess.cookieName)))
                let after = try await reader.get("/diagnostics/\(id)/rapport")
                #expect(after.status == .ok)
                #expect(after.text.contains(#"<span class="level-badge level-A">A</span>"#))
                #expect(
                    after.text.contains(
                        "a été rempli avec la version \(app.services.questionnaire.version) du questionnaire"))
                let json = try await reader.get("/diagnostics/\(id)/export.json")
                let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
                #expect(object?["questionnaireVersion"] as? String == app.services.questionnaire.version)
                #expect(object?["level"] as? String == "A")

                // Answering again under the new version: the figures are those of the new version.
                let page = try await reader.get("/diagnostics/\(id)/etape/3")
                #expect(page.status == .ok)
                let questions = services.questionnaire.themes[0].questions
                var fields = ["direction": "report"]
                for question in questions { fields["q.\(question.id)"] = question.bestOption.id }
                _ = try await reader.submit("/diagnostics/\(id)/etape/3", fields)
                let retaken = try await reader.get("/diagnostics/\(id)/rapport")
                #expect(!retaken.text.contains("a été rempli avec la version"))
                #expect(!retaken.text.contains(#"<span class="level-badge level-A">A</span>"#))
            }
        }
    }
}
