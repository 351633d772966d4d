import Foundation
import Testing

@testable import EclairageWeb

/// Every `{{…}}` tag of every template names something in the model the page is rendered with. The
/// snapshot fixture renders every page of `pages.tsv`; each model the views got is read by `Mirror`
/// (a nil optional still names its field), and each template is walked with Mustache's scoping:
/// sections enter their value, partials and the layout are read in the same context.
@Suite("Template tags")
struct TemplateTagTests {
    /// What a model holds, as far as templates can see.
    indirect enum Shape {
        case leaf
        /// A nil optional or an empty list: the name exists, what is under it cannot be seen here.
        case unknown
        case object([String: Shape])
        case list(Shape)
        /// A form's values and errors, keyed by field name: a key is there only when the field was
        /// filled in or refused, and an absent one renders blank (until forms are typed, issue 20 item 3).
        case table

        init(_ value: Any) {
            if let form = value as? FormState {
                var fields: [String: Shape] = [:]
                for child in Mirror(reflecting: form).children {
                    if let label = child.label { fields[label] = Shape(child.value) }
                }
                fields["values"] = .table
                fields["errors"] = .table
                self = .object(fields)
                return
            }
            if value is String || value is Bool || value is Int || value is Double || value is Int64 {
                self = .leaf
                return
            }
            if let table = value as? [String: String] {
                self = .object(table.mapValues { _ in .leaf })
                return
            }
            if let table = value as? [String: any Sendable] {
                self = .object(table.mapValues { Shape($0) })
                return
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional: self = mirror.children.first.map { Shape($0.value) } ?? .unknown
            case .collection, .set:
                self = .list(mirror.children.map { Shape($0.value) }.reduce(Shape.unknown) { $0.merged($1) })
            case .struct, .class:
                var fields: [String: Shape] = [:]
                for child in mirror.children { if let label = child.label { fields[label] = Shape(child.value) } }
                self = .object(fields)
            default: self = .leaf
            }
        }

        func merged(_ other: Shape) -> Shape {
            switch (self, other) {
            case (.unknown, _): other
            case (_, .unknown): self
            case (.object(let a), .object(let b)): .object(a.merging(b) { $0.merged($1) })
            case (.list(let a), .list(let b)): .list(a.merged(b))
            default: self
            }
        }
    }

    enum Resolution { case found(Shape), unknown, missing }

    static func resolve(_ name: String, in stack: [Shape]) -> Resolution {
        if name == "." { return .found(stack.last ?? .unknown) }
        let parts = name.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return .found(stack.last ?? .unknown) }
        var start: Shape?
        var sawUnknown = false
        for scope in stack.reversed() {
            if case .object(let fields) = scope, let value = fields[parts[0]] {
                start = value
                break
            }
            if case .unknown = scope { sawUnknown = true }
        }
        guard var current = start else { return sawUnknown ? .unknown : .missing }
        for part in parts.dropFirst() {
            switch current {
            case .object(let fields):
                guard let value = fields[part] else { return .missing }
                current = value
            case .unknown: return .unknown
            case .table: return .found(.leaf)
            default: return .missing
            }
        }
        return .found(current)
    }

    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Sources/EclairageWeb/Resources/Templates")

    static func tags(of template: String) throws -> [String] {
        let text = try String(contentsOf: templates.appendingPathComponent("\(template).mustache"), encoding: .utf8)
        return text.matches(of: /\{\{\{?([^}]*)\}?\}\}/).map { String($0.1).trimmingCharacters(in: .whitespaces) }
    }

    /// Walks `template` in `stack`, recording each tag as `template: tag` → found somewhere / missing somewhere.
    static func walk(_ template: String, _ stack: [Shape], into results: inout [String: (found: Bool, missing: Bool)])
        throws
    {
        var stack = stack
        var sections: [Int] = []  // stack depth at each open section
        for tag in try tags(of: template) {
            guard let sigil = tag.first else { continue }
            let name = String(tag.drop { "#^/&<>$!%".contains($0) }).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%", "$": continue
            case "<", ">":
                try walk(name, stack, into: &results)
                continue
            case "/":
                if sigil == "/" && name.hasPrefix("main") { continue }
                if let depth = sections.popLast() { stack.removeLast(stack.count - depth) }
                continue
            default: break
            }
            if template == "layout" && tag.hasPrefix("$") { continue }
            // `empty(x)`, `last(x)`: the argument is the name.
            let argument = name.firstMatch(of: /^\w+\((.*)\)$/).map { String($0.1) } ?? name
            let resolution = resolve(argument, in: stack)
            let key = "\(template): \(tag)"
            switch resolution {
            case .found: results[key, default: (false, false)].found = true
            case .missing: results[key, default: (false, false)].missing = true
            case .unknown: _ = results[key, default: (false, false)]
            }
            guard sigil == "#" || sigil == "^" else { continue }
            sections.append(stack.count)
            guard sigil == "#", argument == name else { continue }
            switch resolution {
            case .found(.list(let element)): stack.append(element)
            case .found(let value): stack.append(value)
            default: stack.append(.unknown)
            }
        }
    }

    @Test("Every tag of every template resolves in the model its page is rendered with")
    func everyTagResolves() async throws {
        let log = RenderLog()
        try await Views.$renderLog.withValue(log) {
            try await withApp { app in
                let fixture = try await SnapshotTests.fixture(app)
                for row in try SnapshotTests.rows() {
                    var path = row.path
                    for (name, value) in fixture.values {
                        path = path.replacingOccurrences(of: "{\(name)}", with: value)
                    }
                    _ = try await (row.who == "member" ? fixture.member : fixture.visitor).get(path)
                }
            }
        }
        var results: [String: (found: Bool, missing: Bool)] = [:]
        let renders = log.renders.withLockedValue { $0 }
        for (template, model) in renders { try Self.walk(template, [Shape(model)], into: &results) }
        let rendered = Set(renders.map(\.template))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.templates.path).filter {
            $0.hasSuffix(".mustache")
        }
        .map { String($0.dropLast(".mustache".count)) }
        // Partials and the layout: the templates others include (`{{> name}}`, `{{<name}}`).
        let partials = Set(
            try files.flatMap { file in
                try String(contentsOf: Self.templates.appendingPathComponent(file + ".mustache"), encoding: .utf8)
                    .matches(of: /\{\{[<>]\s*([\w-]+)\s*\}\}/).map { String($0.1) }
            })
        #expect(Set(files).subtracting(rendered).subtracting(partials).sorted() == [], "templates no page renders")
        #expect(results.filter(\.value.missing).keys.sorted() == [], "tags that name nothing in their model")
        #expect(
            results.filter { !$0.value.found && !$0.value.missing }.keys.sorted() == [], "tags never seen with a value")
    }
}
