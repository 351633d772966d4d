/// What an association's inventory should make it act on, asset by asset.
public struct InventoryAlert: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Nobody, or a single person, can get in.
        case noHolder, singleHolder
        /// Owned by a person's own account or name.
        case personalOwner
        /// Lapses within `days` (60, 30 or 7 is the threshold it crossed); `days` < 0 once lapsed.
        case expiring(days: Int, threshold: Int)
        case expired(days: Int)
        /// Not checked, nor entered, for more than a year (or never checked, when its entry day is unknown).
        case notChecked
        /// Its recovery ends at a person's own address, or goes through an asset that lapses soon or is
        /// personal, or loops.
        case recoveryPersonal(through: [String])
        case recoveryExpiring(through: [String])
        case recoveryCycle(through: [String])
    }

    public let assetID: String
    public let assetName: String
    public let kind: Kind

    /// A stable name for the kind of alert ("single-holder"), to keep it in the action plan.
    public var code: String {
        switch kind {
        case .noHolder: "no-holder"
        case .singleHolder: "single-holder"
        case .personalOwner: "personal-owner"
        case .expiring: "expiring"
        case .expired: "expired"
        case .notChecked: "not-checked"
        case .recoveryPersonal: "recovery-personal"
        case .recoveryExpiring: "recovery-expiring"
        case .recoveryCycle: "recovery-cycle"
        }
    }

    /// "asset:code", as the action plan keeps it.
    public var reference: String { "\(assetID):\(code)" }
}

/// What the diagnostic's answers already say about assets the inventory does not have yet: a
/// suggestion to add each, with the form pre-filled.
public struct InventorySuggestion: Sendable, Equatable {
    public let tag: String
    public let kind: Asset.Kind
    public let owner: Asset.Owner

    /// One suggestion per kind of asset the answers point to and the inventory lacks.
    public static func from(tags: Set<String>, assets: [Asset]) -> [InventorySuggestion] {
        let rules: [(String, Asset.Kind, Asset.Owner)] = [
            ("risk:domain-former-holder", .domain, .person), ("risk:domain-personal", .domain, .person),
            ("risk:domain-expiry", .domain, .association),
            ("risk:personal-mailbox", .mailbox, .person), ("risk:bank-single-holder", .bank, .association),
            ("risk:social-network-dependency", .social, .association), ("risk:personal-accounts", .service, .person),
        ]
        var suggestions: [InventorySuggestion] = []
        for (tag, kind, owner) in rules
        where tags.contains(tag) && !assets.contains(where: { $0.kind == kind })
            && !suggestions.contains(where: { $0.kind == kind })
        {
            suggestions.append(.init(tag: tag, kind: kind, owner: owner))
        }
        return suggestions
    }
}

public enum InventoryAlerts {
    /// Reminders go out when a lapse is this close (days), once each.
    public static let thresholds = [60, 30, 7]

    /// The threshold a lapse `days` away has crossed (the smallest one still ≥ days), if any.
    public static func threshold(daysLeft days: Int) -> Int? {
        thresholds.sorted().first { days <= $0 }
    }

    public static func of(_ assets: [Asset], today: Day) -> [InventoryAlert] {
        let byID = Dictionary(uniqueKeysWithValues: assets.map { ($0.id, $0) })
        var alerts: [InventoryAlert] = []
        for asset in assets {
            func add(_ kind: InventoryAlert.Kind) {
                alerts.append(.init(assetID: asset.id, assetName: asset.name, kind: kind))
            }
            if asset.kind != .equipment {
                if asset.holders.isEmpty { add(.noHolder) } else if asset.holders.count == 1 { add(.singleHolder) }
            }
            if asset.owner == .person { add(.personalOwner) }
            if let expiry = asset.expiresOn.flatMap(Day.init(iso:)) {
                let days = expiry - today
                if days < 0 {
                    add(.expired(days: -days))
                } else if let threshold = threshold(daysLeft: days) {
                    add(.expiring(days: days, threshold: threshold))
                }
            }
            let lastSeen = (asset.checkedOn ?? asset.enteredOn).flatMap(Day.init(iso:))
            if asset.kind != .equipment, lastSeen.map({ today - $0 > 365 }) ?? true {
                add(.notChecked)
            }
            if let chain = RecoveryChain.follow(asset, in: byID, today: today) {
                switch chain.end {
                case .cycle: add(.recoveryCycle(through: chain.names))
                case .personal: add(.recoveryPersonal(through: chain.names))
                case .expiring: add(.recoveryExpiring(through: chain.names))
                case .safe: break
                }
            }
        }
        return alerts
    }
}

/// Account → recovery address → domain: where each asset's recovery leads.
public struct RecoveryChain: Sendable, Equatable {
    public enum End: Sendable, Equatable { case safe, personal, expiring, cycle }

    /// The assets the recovery goes through, after the asset itself.
    public let names: [String]
    public let end: End

    /// nil when the asset's recovery depends on nothing recorded.
    public static func follow(_ asset: Asset, in assets: [String: Asset], today: Day) -> RecoveryChain? {
        guard asset.recoveryAssetID != nil || asset.recoveryPersonal else { return nil }
        if asset.recoveryPersonal && asset.recoveryAssetID == nil { return .init(names: [], end: .personal) }
        var seen: Set<String> = [asset.id]
        var names: [String] = []
        var current = asset
        while let next = current.recoveryAssetID.flatMap({ assets[$0] }) {
            guard seen.insert(next.id).inserted else { return .init(names: names + [next.name], end: .cycle) }
            names.append(next.name)
            if next.owner == .person || next.recoveryPersonal { return .init(names: names, end: .personal) }
            if let lapse = next.expiresOn.flatMap(Day.init(iso:)), lapse - today <= InventoryAlerts.thresholds.max()! {
                return .init(names: names, end: .expiring)
            }
            current = next
        }
        return .init(names: names, end: .safe)
    }
}
