import EclairageDomain

/// The owner's switch: share the inventory, the register and the breach log with advisors ("1"), or stop.
struct ShareForm: Decodable {
    @FormText var share: String
}

extension [String: String] {
    /// The form's values to show back, without those refused as looking like a password: a secret
    /// typed by mistake is not echoed into the page.
    func withoutSecrets(_ errors: FieldErrors) -> [String: String] {
        var values = self
        for (field, key) in errors.byField where key == "asset.error.secret" || key == "asset.error.markup" {
            values[field] = ""
        }
        return values
    }
}

/// The day the CNIL was notified of a breach.
struct NotifiedForm: Decodable {
    @FormText var notified_on: String
    /// Past the 72 hours: why (art. 33.1); absent otherwise.
    var delay_reasons: String?
}

/// One handover item ticked ("1") or unticked.
struct TickForm: Decodable {
    @FormText var done: String
}

/// Who leaves the board and who takes over, to start a handover.
struct HandoverStartForm: Decodable {
    @FormText var leaving: String
    @FormText var incoming: String
}
