import EclairageDomain
import Foundation
import SQLKit
import Testing

@testable import EclairageWeb

@Suite("Observatory records: one per completed diagnostic, figures only, kept when the diagnostic goes")
struct ObservatoryRecordTests {
    /// Every row of `observatory_records`, column by column.
    static func records(_ app: TestApp) async throws -> [[String: String?]] {
        let columns = [
            "id", "diagnostic_id", "association_id", "month", "departement", "size_band", "questionnaire_version",
            "level", "scores", "tags",
        ]
        return try await app.services.database.read { sql in
            try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("observatory_records").all().map {
                row in
                var values: [String: String?] = [:]
                for column in columns { values[column] = try row.decode(column: column, as: String?.self) }
                return values
            }
        }
    }

    @Test("Answering a whole diagnostic writes one record when it is completed, none before, none on later saves")
    func oneRecord() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let pages = app.services.questionnaire.pages.count
            let pending = {
                try await app.services.database.read { try await ObservatoryCubeQueries.pendingYears(in: $0) }
            }
            // every page but the last: no record yet, and no year waits for the observatory's job
            try await app.answerAll(visitor, id: id, upTo: pages - 1) { q in q.worstOption }
            #expect(try await Self.records(app).isEmpty)
            #expect(try await pending().isEmpty)
            try await app.answerAll(visitor, id: id) { q in q.worstOption }
            #expect(try await pending() == [2026])
            let records = try await Self.records(app)
            try #require(records.count == 1)
            let record = records[0]
            #expect(record["diagnostic_id"] == id)
            #expect(record["association_id"] == .some(nil))
            #expect(record["id"] != id)
            #expect(record["month"] == "2026-11")
            #expect(record["departement"] == "37")
            #expect(record["size_band"] == "tiny")
            #expect(record["level"] == "E")
            let tags = try JSONDecoder().decode([String].self, from: Data(((record["tags"] ?? nil) ?? "").utf8))
            #expect(tags.contains("difficulty:human"))
            #expect(tags.contains("attention:materiel"))
            #expect(
                tags.allSatisfy { tag in
                    ["uses-for:", "free-software:", "attention:", "difficulty:"].contains { tag.hasPrefix($0) }
                })
            let scores = try JSONDecoder().decode(
                [String: Int].self, from: Data(((record["scores"] ?? nil) ?? "").utf8))
            #expect(scores.count == app.services.questionnaire.themes.count)
            // saving the pages again, the last one included, writes nothing more
            app.advance(3600)
            try await app.answerAll(visitor, id: id) { q in q.bestOption }
            #expect(try await Self.records(app).count == 1)
            #expect(try await Self.records(app).first?["level"] == "E")
            // the job counts it: one diagnostic in Indre-et-Loire, too few to show
            #expect(try await app.services.scheduler.runDue().contains("observatory"))
            #expect(try await pending().isEmpty)
            let cells = try await app.services.database.read {
                try await ObservatoryCubeQueries.cells(
                    territories: ["departement-37"], periods: ["2026"], tables: ["associations"], in: $0)
            }
            #expect(cells.map(\.reason) == ["tooFew"] && cells.map(\.shownCount) == [nil])
        }
    }

    @Test("No free text, no identifier: the columns are the record's figures and the two links")
    func noTextNorID() async throws {
        try await withApp { app in
            let columns = try await app.services.database.read { sql in
                try await Schema.read(kind: app.services.database.kind, in: sql).tables.first {
                    $0.name == "observatory_records"
                }
            }
            let names = try #require(columns).columns.map(\.name).sorted()
            #expect(
                names == [
                    "association_id", "created_at", "departement", "diagnostic_id", "id", "level", "month", "overall",
                    "questionnaire_version", "scores", "size_band", "tags",
                ])
        }
    }

    @Test("An anonymous diagnostic's expiry deletes it and leaves its record without the link")
    func expiryKeepsRecord() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            try await app.answerAll(visitor, id: id) { q in q.bestOption }
            let report = try await visitor.get("/diagnostics/\(id)/rapport")
            #expect(report.text.contains("observatoire du territoire"))
            app.advance(91 * 24 * 3600)
            #expect(try await app.services.scheduler.runDue().contains("housekeeping"))
            #expect(try await app.services.database.read { try await DiagnosticQueries.find(id: id, in: $0) } == nil)
            let records = try await Self.records(app)
            #expect(records.count == 1)
            #expect(records.first?["diagnostic_id"] == .some(nil))
            #expect(records.first?["level"] == "A")
        }
    }

    @Test("A deleted association leaves its records without the link; attaching brings the record along")
    func associationDeleted() async throws {
        try await withApp { app in
            let alice = try await app.signedUpBrowser(name: "Alice", email: "alice@example.org")
            let association = try associationID(try await alice.submit("/associations/nouvelle", ["name": "Chorale"]))
            let id = try await app.startDiagnostic(alice)
            try await app.answerAll(alice, id: id) { q in q.worstOption }
            #expect(
                try await alice.submit("/diagnostics/\(id)/rattacher", ["association": association]).status == .seeOther
            )
            #expect(try await Self.records(app).first?["association_id"] == association)
            let deleted = try await alice.submit("/compte/suppression", ["password": "lampe tulipe orage cheval"])
            #expect(deleted.status == .seeOther)
            let records = try await Self.records(app)
            #expect(records.count == 1)
            #expect(records.first?["association_id"] == .some(nil))
            #expect(records.first?["diagnostic_id"] == .some(nil))
        }
    }

    @Test("seed-demo --observatory writes the records asked, spread over months, départements and levels")
    func benchmarkVolumes() async throws {
        try await withApp { app in
            #expect(try await DemoData(services: app.services).insertObservatory(250, batch: 100) == 250)
            let records = try await Self.records(app)
            #expect(records.count == 250)
            #expect(Set(records.compactMap { $0["month"] ?? nil }).count > 20)
            #expect(
                records.allSatisfy {
                    (($0["month"] ?? nil) ?? "") >= "2023-12" && (($0["month"] ?? nil) ?? "") <= "2026-11"
                })
            #expect(Set(records.compactMap { $0["departement"] ?? nil }).count > 50)
            #expect(Set(records.compactMap { $0["level"] ?? nil }) == ["A", "B", "C", "D", "E"])
            #expect(records.allSatisfy { (($0["id"] ?? nil) ?? "").count == 16 })
        }
    }

    @Test("Reaching the end before the level is known writes nothing; the record comes when the level is known")
    func levelNotKnownYet() async throws {
        try await withApp { app in
            let visitor = app.browser()
            let id = try await app.startDiagnostic(visitor)
            let last = app.services.questionnaire.pages.count
            let ended = try await visitor.submit("/diagnostics/\(id)/etape/\(last)", ["direction": "next"])
            #expect(ended.location == "/diagnostics/\(id)/rapport")
            #expect(
                try await app.services.database.read { try await DiagnosticQueries.find(id: id, in: $0) }?.completedAt
                    != nil)
            #expect(try await Self.records(app).isEmpty)
            try await app.answerAll(visitor, id: id) { q in q.bestOption }
            #expect(try await Self.records(app).count == 1)
        }
    }
}
