import EclairageDomain

/// The list of documents of an association.
enum DocumentsPage {
    struct Model: Sendable {
        struct Item: Sendable {
            let title: String
            let lead: String
            let link: String
            let download: String
        }

        let associationName: String
        let associationLink: String
        let registerLink: String
        let items: [Item]

        static func make(_ access: InventoryAccess, wording: DocumentWording) -> Self {
            let id = access.associationID
            return Self(
                associationName: access.loaded.association.name, associationLink: SiteURL.association(id).path,
                registerLink: SiteURL.register(id).path,
                items: AssociationDocument.Kind.allCases.map { kind in
                    let (title, lead) = wording.heading(of: kind)
                    return Item(
                        title: title, lead: lead,
                        link: SiteURL.document(id, kind: kind.rawValue).path,
                        download: SiteURL.documentDownload(id, kind: kind.rawValue).path)
                })
        }
    }
}

/// One document: what it is for, the activities it covers (membership notice), the text itself, and
/// its download with the same choice.
enum DocumentPage {
    struct Model: Sendable {
        struct Block: Sendable {
            struct List: Sendable { let entries: [String] }
            let heading: String?
            let paragraph: String?
            let list: List?
        }

        /// The register's activities the membership notice covers, ticked, in a form sent by GET.
        struct Choosing: Sendable {
            struct Choice: Sendable {
                let id: String
                let name: String
                let checked: Bool
            }
            let action: String
            let choices: [Choice]
        }

        let associationName: String
        let documentsLink: String
        let title: String
        let lead: String
        let choosing: Choosing?
        let blocks: [Block]
        let download: String

        static func make(
            _ access: InventoryAccess, draft: DocumentDraft
        ) -> Self {
            let id = access.associationID
            let kind = draft.document.kind.rawValue
            let chosen = draft.choices.filter(\.chosen).map { ("activite", Optional($0.id)) }
            return Self(
                associationName: access.loaded.association.name, documentsLink: SiteURL.documents(id).path,
                title: draft.document.title, lead: draft.document.lead,
                choosing: draft.choices.isEmpty
                    ? nil
                    : Choosing(
                        action: SiteURL.document(id, kind: kind).path,
                        choices: draft.choices.map { .init(id: $0.id, name: $0.name, checked: $0.chosen) }),
                blocks: draft.document.blocks.map { block in
                    switch block {
                    case .heading(let text): Block(heading: text, paragraph: nil, list: nil)
                    case .paragraph(let text): Block(heading: nil, paragraph: text, list: nil)
                    case .list(let items): Block(heading: nil, paragraph: nil, list: .init(entries: items))
                    }
                },
                download: SiteURL.documentDownload(id, kind: kind).path + QueryString.make(chosen))
        }
    }
}
