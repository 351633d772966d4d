import Foundation
import Yams

/// The words of the documents, from `Content/documents/documents.yaml`. Each text may use only the
/// values its document fills in; the loader names the file, line and field of any other.
public struct DocumentWording: Sendable, Equatable, Decodable {
    public struct PrivacyNotice: Sendable, Equatable, Decodable {
        public let title, lead, controller, purposesHeading, purpose, noActivity, recipientsHeading, recipients: String
        public let retentionHeading, retention, transfer, rightsHeading, rights, contact, complaint: String

        enum CodingKeys: String, CodingKey {
            case title, lead, controller, purpose, recipients, retention, transfer, rights, contact, complaint
            case purposesHeading = "purposes_heading", noActivity = "no_activity"
            case recipientsHeading = "recipients_heading", retentionHeading = "retention_heading"
            case rightsHeading = "rights_heading"
        }
    }

    public struct LegalNotice: Sendable, Equatable, Decodable {
        public let title, lead, publisherHeading, publisher, seat, address, contact, director, directorName: String
        public let directorRole, hostHeading, host, hostName, hostAddress, dataHeading, data: String

        enum CodingKeys: String, CodingKey {
            case title, lead, publisher, seat, address, contact, director, host, data
            case publisherHeading = "publisher_heading", directorName = "director_name"
            case directorRole = "director_role", hostHeading = "host_heading", hostName = "host_name"
            case hostAddress = "host_address", dataHeading = "data_heading"
        }
    }

    public struct Charter: Sendable, Equatable, Decodable {
        public let title, lead, toolsHeading, tools, noTools, rulesHeading: String
        public let rules: [String]
        public let vault, referent, leavingHeading, leaving: String

        enum CodingKeys: String, CodingKey {
            case title, lead, tools, rules, vault, referent, leaving
            case toolsHeading = "tools_heading", noTools = "no_tools", rulesHeading = "rules_heading"
            case leavingHeading = "leaving_heading"
        }
    }

    public let fillIn: String
    public let privacyNotice: PrivacyNotice
    public let legalNotice: LegalNotice
    public let charter: Charter

    enum CodingKeys: String, CodingKey {
        case fillIn = "fill_in", privacyNotice = "privacy_notice", legalNotice = "legal_notice", charter
    }

    /// A document's title and what it is for, for a list of documents.
    public func heading(of kind: AssociationDocument.Kind) -> (title: String, lead: String) {
        switch kind {
        case .privacyNotice: (privacyNotice.title, privacyNotice.lead)
        case .legalNotice: (legalNotice.title, legalNotice.lead)
        case .charter: (charter.title, charter.lead)
        }
    }

    /// The values each document fills in; a text naming another is an error in the content.
    static let values: [CodingKeys: Set<String>] = [
        .fillIn: ["what"],
        .privacyNotice: [
            "association", "identifiers", "name", "purpose", "basis", "recipients", "retention", "services",
            "contact",
        ],
        .legalNotice: ["association", "identifiers", "address", "contact", "director", "role", "host"],
        .charter: ["tools", "vault", "referent"],
    ]

    public static func load(from contentDirectory: URL) throws -> DocumentWording {
        let file = contentDirectory.appendingPathComponent("documents/documents.yaml")
        let (wording, node) = try ContentFile.decodeWithNode(DocumentWording.self, from: file)
        for (key, allowed) in values {
            guard let mapping = node.mapping?[key.rawValue] else { continue }
            try check(mapping, path: [PathKey(stringValue: key.rawValue)], allowed: allowed, root: node)
        }
        return wording
    }

    /// Every string under `node` uses only `allowed` values.
    private static func check(_ node: Node, path: [PathKey], allowed: Set<String>, root: Node)
        throws
    {
        if let text = node.string {
            for name in TextValues.names(in: text) where !allowed.contains(name) {
                throw QuestionnaireLoader.problem(
                    "documents.yaml", root, path,
                    "valeur « %{\(name)} » inconnue ici (connues : "
                        + allowed.sorted().joined(separator: ", ") + ")")
            }
        } else if let mapping = node.mapping {
            for (key, value) in mapping {
                try check(value, path: path + [PathKey(stringValue: key.string ?? "")], allowed: allowed, root: root)
            }
        } else if let sequence = node.sequence {
            for (index, value) in sequence.enumerated() {
                try check(value, path: path + [.at(index)], allowed: allowed, root: root)
            }
        }
    }
}

/// `%{name}` values in a text, and filling them in.
public enum TextValues {
    public static func names(in text: String) -> [String] {
        text.matches(of: /%\{([a-z_]+)\}/).map { String($0.1) }
    }

    /// One pass, so a value that itself contains "%{…}" (typed by someone) stays as typed; a name
    /// without a value shows itself, so a gap is visible. The translations fill theirs here too.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("%{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "%{"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close])
            result += values[name] ?? "%{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
