/// The volunteers' hours turned into "contributions volontaires en nature", the amount an association
/// may show in its accounts and funding applications: hours × an hourly rate the association chooses,
/// always shown with the rule it follows (the minimum wage, the wage of the job done…).
public struct VolunteerValue: Sendable, Equatable {
    public let rateCents: Int
    public let rule: String

    public init(rateCents: Int, rule: String) {
        self.rateCents = rateCents
        self.rule = rule
    }

    /// Rounded to the cent.
    public func cents(minutes: Int) -> Int { (minutes * rateCents + 30) / 60 }

    /// "1 234,56 €".
    public static func euros(_ cents: Int) -> String {
        let whole = String(cents / 100)
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        let rest = cents % 100
        return String(grouped.reversed()) + "," + (rest < 10 ? "0" : "") + "\(rest)\u{00A0}€"
    }
}

/// The rate and rule an owner types: a rate in euros ("12,02" or "12.02", up to 1 000 € an hour) and
/// the rule, required with a rate; both empty clears them.
public struct VolunteerRateForm: Sendable, Equatable {
    public var rate: String
    public var rule: String

    public init(rate: String = "", rule: String = "") {
        self.rate = rate
        self.rule = rule
    }

    /// nil: no valuation.
    public func validate() -> Result<VolunteerValue?, FieldErrors> {
        var errors = FieldErrors()
        let rule = SubmittedFields.trimmed(rule)
        guard let text = SubmittedFields.optional(rate) else {
            if !rule.isEmpty { errors["rate"] = "volunteer.error.rate_required" }
            return errors.isEmpty ? .success(nil) : .failure(errors)
        }
        let parts = text.replacingOccurrences(of: ",", with: ".").split(
            separator: ".", omittingEmptySubsequences: false)
        var cents: Int?
        if parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let euros = Int(parts[0]), parts.count == 1 || (1...2).contains(parts[1].count)
        {
            let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
            cents = euros <= 1000 ? euros * 100 + fraction : nil
        }
        if cents == nil || cents == 0 { errors["rate"] = "volunteer.error.rate_invalid" }
        if rule.isEmpty { errors["rule"] = "volunteer.error.rule_required" }
        SubmittedFields.checkText(
            rule, field: "rule", maxLength: 300, tooLong: "volunteer.error.rule_too_long", into: &errors)
        guard let cents, errors.isEmpty else { return .failure(errors) }
        return .success(VolunteerValue(rateCents: cents, rule: rule))
    }
}
