import Foundation
import Testing

/// Whole-page and whole-exchange snapshots, kept in `Tests/Snapshots/` and reviewed in diffs.
/// Volatile parts (anti-forgery tokens, row ids, link tokens) are replaced by placeholders first, so a
/// snapshot is the same on SQLite and PostgreSQL and from one run to the next. Dates, times and "open
/// now" are kept as shown: the tests' clock is stopped at an instant they choose (`TestClock`).
/// Regenerate after an intended change: `SNAPSHOTS=record swift test --filter Snapshot`, then read the diff.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["SNAPSHOTS"] == "record" }

    /// The text with its volatile parts replaced.
    static func normalise(_ text: String) -> String {
        let rules: [(String, String)] = [
            (#"name="_csrf" value="[a-z0-9]*""#, #"name="_csrf" value="CSRF""#),
            (
                #"(/(?:invitation|diagnostic/reprendre|mot-de-passe|inscription/confirmer|structures/invitation|agenda/inscription|annuaire/modifier|enquetes))/[a-z0-9]{20,64}"#,
                "$1/TOKEN"
            ),
            (
                #"(/(?:associations|diagnostics|structures|inventaire|passation|registre|violations|lieux|imports|formations|seances|comptes|moderation|historique|enquetes|classes|emetteurs|assertions|attributions))/[a-z2-9]{16}\b"#,
                "$1/ID"
            ),
            (#"\bs-[a-z2-9]{16}-"#, "s-ID-"),
            (#"\becl-[a-z2-9]{16}\b"#, "ecl-ID"),
            (#"--[a-z2-9]{16}""#, #"--ID""#),
            (#"value="[a-z2-9]{16}""#, #"value="ID""#),
            (#"value="[a-z2-9]{16}:"#, #"value="ID:"#),
            (#"diagnostic-[a-z2-9]{16}"#, "diagnostic-ID"),
            (#"element-[a-z2-9]{16}"#, "element-ID"),
            (#"activite=[a-z2-9]{16}"#, "activite=ID"),
            (#"\b(emails|training|reason)-[a-z2-9]{16}\b"#, "$1-ID"),
            // Workshop rooms: ids, participants' handles, the join code, the page's structure key.
            (#"/salles/[a-z2-9]{16}\b"#, "/salles/ID"),
            (#"(data-(?:p|me|speaker))="[a-z2-9]{16}""#, #"$1="ID""#),
            (#"id="option-[a-z2-9]{16}""#, #"id="option-ID""#),
            (#"<strong>[A-Z0-9]{6}</strong>"#, "<strong>CODE</strong>"),
            (#"\?code=[A-Z0-9]{6}"#, "?code=CODE"),
            (#"data-structure="[0-9a-f]{12}""#, #"data-structure="KEY""#),
        ]
        var text = text
        for (pattern, template) in rules {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }

    /// Compares `text` (normalised) with the stored snapshot `name`; records it when asked to, or when
    /// there is none yet (the test then fails, so that a new snapshot is always looked at once).
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        let actual = normalise(text)
        let stored = try? String(contentsOf: file, encoding: .utf8)
        if recording || stored == nil {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("new snapshot \(name) recorded: check it, then run again", sourceLocation: sourceLocation)
            }
            return
        }
        if stored != actual {
            Issue.record(
                "snapshot \(name) differs:\n\(firstDifference(stored ?? "", actual))\nIf the change is intended: SNAPSHOTS=record swift test --filter Snapshot",
                sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, with its number, to make a failure readable.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n")
        let b = actual.components(separatedBy: "\n")
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "(end)"
            let right = index < b.count ? b[index] : "(end)"
            if left != right { return "line \(index + 1)\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(same lines, different endings)"
    }
}
