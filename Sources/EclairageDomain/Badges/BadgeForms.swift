/// What an issuer types: its profile and its badge classes, checked field by field. Errors are
/// translation keys under `badges.error.`.
public enum BadgeForms {
    public struct Issuer: Sendable, Equatable {
        public var name: String
        public var url: String
        public var email: String

        public init(name: String, url: String, email: String) {
            self.name = SubmittedFields.trimmed(name)
            self.url = SubmittedFields.trimmed(url)
            self.email = EmailAddress.normalise(email)
        }

        public func errors() -> FieldErrors {
            var errors = FieldErrors()
            if name.isEmpty { errors["name"] = "badges.error.name" }
            if name.count > 200 { errors["name"] = "badges.error.too_long" }
            if !WebAddress.isAcceptable(url) { errors["url"] = "badges.error.url" }
            if !EmailAddress.isPlausible(email) { errors["email"] = "badges.error.email" }
            return errors
        }
    }

    /// Frameworks a badge may be aligned to; `other` names one by its address alone.
    public static let frameworks = ["PIX", "DigComp", "other"]

    public struct BadgeClass: Sendable, Equatable {
        public var name: String
        public var description: String
        public var criteria: String
        public var framework: String
        public var targetName: String
        public var targetURL: String

        public init(
            name: String, description: String, criteria: String, framework: String, targetName: String,
            targetURL: String
        ) {
            self.name = SubmittedFields.trimmed(name)
            self.description = SubmittedFields.trimmed(description)
            self.criteria = SubmittedFields.trimmed(criteria)
            self.framework = SubmittedFields.trimmed(framework)
            self.targetName = SubmittedFields.trimmed(targetName)
            self.targetURL = SubmittedFields.trimmed(targetURL)
        }

        /// The alignment, when one was given whole.
        public var alignment: OpenBadges.Alignment? {
            guard !targetName.isEmpty, !targetURL.isEmpty else { return nil }
            return OpenBadges.Alignment(
                targetName: targetName, targetUrl: targetURL,
                targetFramework: framework.isEmpty || framework == "other" ? nil : framework)
        }

        public func errors() -> FieldErrors {
            var errors = FieldErrors()
            if name.isEmpty { errors["name"] = "badges.error.name" }
            if name.count > 200 { errors["name"] = "badges.error.too_long" }
            if description.isEmpty { errors["description"] = "badges.error.description" }
            if criteria.isEmpty { errors["criteria"] = "badges.error.criteria" }
            for (field, text) in [("description", description), ("criteria", criteria)] where text.count > 4000 {
                errors[field] = "badges.error.too_long"
            }
            if !framework.isEmpty, !BadgeForms.frameworks.contains(framework) {
                errors["framework"] = "badges.error.framework"
            }
            // An alignment is all or nothing: a name and an address.
            let partial = !targetName.isEmpty || !targetURL.isEmpty || (!framework.isEmpty && framework != "other")
            if partial {
                if targetName.isEmpty { errors["target_name"] = "badges.error.target_name" }
                if !WebAddress.isAcceptable(targetURL) { errors["target_url"] = "badges.error.url" }
            }
            return errors
        }
    }

    /// Addresses typed for an award, one a line (or separated by commas or semicolons), normalised and
    /// without repeats; the ones that are not addresses are returned apart.
    public static func recipients(_ text: String) -> (valid: [String], invalid: [String]) {
        var valid: [String] = []
        var invalid: [String] = []
        var seen = Set<String>()
        for piece in text.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" || $0 == "\r" }) {
            let email = EmailAddress.normalise(String(piece))
            if email.isEmpty { continue }
            if !EmailAddress.isPlausible(email) {
                invalid.append(email)
            } else if seen.insert(email).inserted {
                valid.append(email)
            }
        }
        return (valid, invalid)
    }
}
