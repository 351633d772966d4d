import EclairageDomain

extension InventoryAlert {
    /// The alert in the reader's language, as the inventory page and the association's saved steps word it.
    func text(views: Views, context: AppRequestContext) -> String {
        let name = ["name": assetName]
        switch kind {
        case .noHolder: return views.text("inventory.alert.no_holder", context, name)
        case .singleHolder: return views.text("inventory.alert.single_holder", context, name)
        case .personalOwner: return views.text("inventory.alert.personal_owner", context, name)
        case .expiring(let days, _):
            return views.text(
                "inventory.alert.expiring", context,
                name.merging(["days": views.plural("duration.days", count: days, context)]) { $1 })
        case .expired(let days):
            return views.text(
                "inventory.alert.expired", context,
                name.merging(["days": views.plural("duration.days", count: days, context)]) { $1 })
        case .notChecked: return views.text("inventory.alert.not_checked", context, name)
        case .recoveryPersonal(let through):
            return views.text(
                "inventory.alert.recovery_personal", context, name.merging(["chain": Self.chain(through)]) { $1 })
        case .recoveryExpiring(let through):
            return views.text(
                "inventory.alert.recovery_expiring", context, name.merging(["chain": Self.chain(through)]) { $1 })
        case .recoveryCycle(let through):
            return views.text(
                "inventory.alert.recovery_cycle", context, name.merging(["chain": Self.chain(through)]) { $1 })
        }
    }

    /// A recovery chain, asset by asset ("—" when it leads nowhere).
    static func chain(_ names: [String]) -> String { names.isEmpty ? "—" : names.joined(separator: " → ") }
}
