/// The checklist of a change of board ("passation"), generated from the inventory: for each asset,
/// what to do so that the leaving people hand over and the new ones can get in.
public enum HandoverChecklist {
    public enum Action: String, Sendable, CaseIterable, Codable {
        /// Move an asset owned by a person into the association's name.
        case transferOwnership = "transfer"
        /// Change the way in (password, vault, codes) once the leaving people hand over.
        case changeCredentials = "credentials"
        /// Remove the leaving people's access, add the new holders (at least two).
        case updateHolders = "holders"
        /// Check that the new holders really get in, and date the check.
        case verify
    }

    public struct Item: Sendable, Equatable {
        public let assetID: String?
        public let assetName: String
        public let action: Action
    }

    public static func items(for assets: [Asset]) -> [Item] {
        assets.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }.flatMap { asset -> [Item] in
            var actions: [Action] = asset.owner == .person ? [.transferOwnership] : []
            actions +=
                asset.kind == .equipment ? [.updateHolders, .verify] : [.changeCredentials, .updateHolders, .verify]
            return actions.map { Item(assetID: asset.id, assetName: asset.name, action: $0) }
        }
    }
}
