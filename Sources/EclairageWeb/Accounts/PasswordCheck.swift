import EclairageDomain

extension AppServices {
    /// Judges a new password and returns the message key (with its values) when it is refused.
    func passwordProblem(_ password: String, email: String, name: String) -> (key: String, values: [String: String])? {
        let personal =
            [email.split(separator: "@").first.map(String.init) ?? "", name]
            + name.split(separator: " ").map(String.init)
        switch passwordPolicy.judge(password, personalWords: personal) {
        case .accepted: return nil
        case .common: return ("password.common", [:])
        case .containsPersonalData: return ("password.personal", [:])
        case .tooLong(let maximum): return ("password.too_long", ["max": "\(maximum)"])
        case .tooWeak(let bits, let needed): return ("password.too_weak", ["bits": "\(bits)", "needed": "\(needed)"])
        }
    }
}
