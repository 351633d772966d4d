import Foundation

/// The checklist of a change of board ("passation"), generated from the inventory: what the board
/// does once (the minutes, the declaration), and for each asset what to do so that the leaving people
/// hand over and the new ones can get in.
public enum HandoverChecklist {
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// The signed minutes of the meeting that elects the new officers: the bank and the registry ask for them.
        case minutes
        /// Move an asset owned by a person into the association's name.
        case transferOwnership = "transfer"
        /// Change the way in (password, vault, codes) once the leaving people hand over.
        case changeCredentials = "credentials"
        /// Remove the leaving people's access, add the new holders (at least two).
        case updateHolders = "holders"
        /// A bank account: the new signatories registered with the minutes, the leaving ones' powers withdrawn.
        case bankSignatories = "bank-signatories"
        /// A bank account: cards and online access for the new holders, the leaving ones' cancelled.
        case bankCards = "bank-cards"
        /// Check that the new holders really get in, and date the check.
        case verify
        /// Declare the new officers to the registry of associations within three months.
        case declareOfficers = "declare"

        /// Whether the action concerns the association as a whole rather than one asset.
        public var isGeneral: Bool { self == .minutes || self == .declareOfficers }
    }

    public struct Item: Sendable, Equatable {
        public let assetID: String?
        public let assetName: String
        public let action: Action
    }

    /// The minutes first, every asset's actions by kind and name, the declaration last.
    public static func items(for assets: [Asset]) -> [Item] {
        let perAsset = assets.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }.flatMap {
            asset -> [Item] in
            let ownership: [Action] = asset.owner == .person ? [.transferOwnership] : []
            let actions: [Action] =
                switch asset.kind {
                case .equipment: [.updateHolders, .verify]
                case .bank: [.bankSignatories, .bankCards, .changeCredentials, .verify]
                default: [.changeCredentials, .updateHolders, .verify]
                }
            return (ownership + actions).map { Item(assetID: asset.id, assetName: asset.name, action: $0) }
        }
        return [Item(assetID: nil, assetName: "", action: .minutes)] + perAsset
            + [Item(assetID: nil, assetName: "", action: .declareOfficers)]
    }
}

/// Who leaves the board and who takes over, as a handover names them: required, in a line each.
public struct HandoverPeople: Sendable, Equatable {
    public let leaving: String
    public let incoming: String

    public static let maxLength = 300

    /// The names, trimmed; or the field keys with their message keys.
    public static func validate(leaving: String, incoming: String) -> Result<HandoverPeople, FieldErrors> {
        var errors: [String: String] = [:]
        let leaving = leaving.trimmingCharacters(in: .whitespacesAndNewlines)
        let incoming = incoming.trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, value) in [("leaving", leaving), ("incoming", incoming)] {
            if value.isEmpty {
                errors[field] = "handover.error.\(field)_missing"
            } else if value.count > maxLength {
                errors[field] = "handover.error.too_long"
            }
        }
        return errors.isEmpty ? .success(.init(leaving: leaving, incoming: incoming)) : .failure(.init(errors))
    }
}
