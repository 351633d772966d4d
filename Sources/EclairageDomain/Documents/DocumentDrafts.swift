import Foundation

/// The documents filled in from what the association already told: its profile, the inventory's assets
/// and the register's activities. What it has not told becomes a passage in square brackets to
/// complete; nothing is invented.
public struct DocumentDrafts: Sendable {
    public let wording: DocumentWording
    public let profile: AssociationProfile
    public let assets: [Asset]

    public init(wording: DocumentWording, profile: AssociationProfile, assets: [Asset]) {
        self.wording = wording
        self.profile = profile
        self.assets = assets
    }

    func fillIn(_ what: String) -> String { TextValues.fill(wording.fillIn, ["what": what]) }

    /// ", RNA W…, SIREN …": the identifiers the profile has.
    var identifiers: String {
        [profile.rna.map { "RNA \($0)" }, profile.siren.map { "SIREN \($0)" }].compactMap { $0 }
            .map { ", " + $0 }.joined()
    }

    /// The notice of the membership form, for the activities chosen (the register's, in its order);
    /// `basis` names a legal basis in words.
    public func privacyNotice(
        _ activities: [ProcessingActivity], basis: (ProcessingActivity.LegalBasis) -> String
    ) -> AssociationDocument {
        let words = wording.privacyNotice
        let named = activities.map { activity in
            [
                "name": activity.name, "purpose": activity.purpose.trimmedSentence, "basis": basis(activity.legalBasis),
                "recipients": activity.recipients, "retention": activity.retention,
            ]
        }
        func lines(_ text: String, _ field: String) -> [String] {
            named.filter { !($0[field] ?? "").isEmpty }.map { TextValues.fill(text, $0) }
        }
        var blocks: [AssociationDocument.Block] = [
            .paragraph(
                TextValues.fill(words.controller, ["association": profile.name, "identifiers": identifiers])),
            .heading(words.purposesHeading),
        ]
        blocks.append(activities.isEmpty ? .paragraph(words.noActivity) : .list(lines(words.purpose, "purpose")))
        let recipients = lines(words.recipients, "recipients")
        if !recipients.isEmpty { blocks += [.heading(words.recipientsHeading), .list(recipients)] }
        let retention = lines(words.retention, "retention")
        if !retention.isEmpty { blocks += [.heading(words.retentionHeading), .list(retention)] }
        let abroad = outsideEU(activities)
        if !abroad.isEmpty {
            blocks.append(.paragraph(TextValues.fill(words.transfer, ["services": abroad.joined(separator: ", ")])))
        }
        blocks += [
            .heading(words.rightsHeading),
            .paragraph(TextValues.fill(words.rights, ["contact": fillIn(words.contact)])),
            .paragraph(words.complaint),
        ]
        return AssociationDocument(kind: .privacyNotice, title: words.title, lead: words.lead, blocks: blocks)
    }

    /// The services of these activities whose data lives outside the EU, each named once.
    func outsideEU(_ activities: [ProcessingActivity]) -> [String] {
        let used = Set(activities.flatMap(\.assetIDs))
        var names: [String] = []
        for asset in assets where used.contains(asset.id) && asset.dataLocation == "outside-eu" {
            let name = asset.provider.isEmpty ? asset.name : asset.provider
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The website's legal notice; the host is the inventory's hosting, when it names one.
    public var legalNotice: AssociationDocument {
        let words = wording.legalNotice
        let hosting = assets.first { $0.kind == .hosting && !$0.provider.isEmpty }
        let contact = fillIn(words.contact)
        return AssociationDocument(
            kind: .legalNotice, title: words.title, lead: words.lead,
            blocks: [
                .heading(words.publisherHeading),
                .paragraph(
                    TextValues.fill(words.publisher, ["association": profile.name, "identifiers": identifiers])),
                .paragraph(TextValues.fill(words.seat, ["address": fillIn(words.address), "contact": contact])),
                .paragraph(
                    TextValues.fill(
                        words.director, ["director": fillIn(words.directorName), "role": fillIn(words.directorRole)])),
                .heading(words.hostHeading),
                .paragraph(
                    TextValues.fill(
                        words.host,
                        ["host": hosting?.provider ?? fillIn(words.hostName), "address": fillIn(words.hostAddress)])),
                .heading(words.dataHeading),
                .paragraph(TextValues.fill(words.data, ["contact": contact])),
            ])
    }

    /// The volunteers' charter: the association's own accounts (from the inventory, those in its name)
    /// and the place its passwords are kept, when the inventory says it.
    public var charter: AssociationDocument {
        let words = wording.charter
        let tools = assets.filter { $0.owner == .association && [.mailbox, .service, .hosting].contains($0.kind) }
            .map(\.name)
        let vault = mostCommon(assets.map(\.credentialsPlace)) ?? fillIn(words.vault)
        return AssociationDocument(
            kind: .charter, title: words.title, lead: words.lead,
            blocks: [
                .heading(words.toolsHeading),
                .paragraph(
                    tools.isEmpty
                        ? words.noTools : TextValues.fill(words.tools, ["tools": tools.joined(separator: ", ")])),
                .heading(words.rulesHeading),
                .list(
                    words.rules.map {
                        TextValues.fill($0, ["vault": vault, "referent": fillIn(words.referent)])
                    }),
                .heading(words.leavingHeading),
                .paragraph(words.leaving),
            ])
    }

    /// The place named most often (ties: the first named), ignoring blanks.
    func mostCommon(_ places: [String]) -> String? {
        let named = places.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let counts = Dictionary(named.map { ($0, 1) }, uniquingKeysWith: +)
        return named.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }
    }
}

extension String {
    /// A sentence without its final full stop, to be followed by more of the same sentence.
    fileprivate var trimmedSentence: String {
        var text = trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension ProcessingActivity {
    /// Whether the activity is about the association's members, by its name or the people it concerns:
    /// the membership form's notice starts from those (the association can tick others).
    public var concernsMembers: Bool {
        let words = (name + " " + people).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return ["adherent", "membre", "cotisation"].contains { words.contains($0) }
    }
}
