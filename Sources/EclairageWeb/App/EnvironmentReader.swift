import EclairageDomain
import Foundation

/// Reads settings one by one and collects what is wrong with them instead of stopping at the first.
struct EnvironmentReader {
    let env: [String: String]
    var problems: [String] = []

    private func raw(_ name: String) -> String? {
        guard let value = env[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func string(_ name: String, default fallback: String) -> String { raw(name) ?? fallback }

    mutating func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = raw(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append(
                "\(name) doit être un nombre entier entre \(range.lowerBound) et \(range.upperBound) (reçu : « \(text) »)."
            )
            return fallback
        }
        return value
    }

    mutating func boolean(_ name: String, default fallback: Bool) -> Bool {
        guard let text = raw(name)?.lowercased() else { return fallback }
        switch text {
        case "1", "true", "yes", "oui", "on": return true
        case "0", "false", "no", "non", "off": return false
        default:
            problems.append("\(name) doit valoir true ou false (reçu : « \(text) »).")
            return fallback
        }
    }

    mutating func choice(_ name: String, default fallback: String, among choices: [String]) -> String {
        guard let text = raw(name)?.lowercased() else { return fallback }
        guard choices.contains(text) else {
            problems.append(
                "\(name) doit être l'une de ces valeurs : \(choices.joined(separator: ", ")) (reçu : « \(text) »).")
            return fallback
        }
        return text
    }

    mutating func url(_ name: String, default fallback: String, schemes: [String]) -> String {
        optionalURL(name, schemes: schemes) ?? fallback
    }

    mutating func optionalURL(_ name: String, schemes: [String]) -> String? {
        guard let text = raw(name) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
            url.host != nil
        else {
            problems.append(
                "\(name) doit être une adresse complète commençant par \(schemes.map { "\($0)://" }.joined(separator: " ou ")) (reçu : « \(text) »)."
            )
            return nil
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    mutating func directory(_ name: String, default fallback: String) -> String {
        let path = raw(name) ?? fallback
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            problems.append("\(name) doit désigner un dossier existant (« \(path) » introuvable).")
        }
        return path
    }

    mutating func mailAddress(_ name: String, default fallback: MailAddress) -> MailAddress {
        guard let text = raw(name) else { return fallback }
        guard let address = MailAddress.parse(text) else {
            problems.append(
                "\(name) doit être une adresse électronique, seule ou précédée d'un nom : « Nom <adresse@exemple.org> » (reçu : « \(text) »)."
            )
            return fallback
        }
        return address
    }

    mutating func executable(_ name: String) -> String? {
        guard let path = raw(name) else { return nil }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            problems.append(
                "\(name) doit désigner un programme exécutable (« \(path) » introuvable ou non exécutable).")
            return nil
        }
        return path
    }
}
