import Yams

extension ContentFile {
    /// A flat table of strings (`key: "text"`), read straight from the YAML tree. Decoding it as
    /// `[String: String]` through `Decodable` looks each key up again in the mapping, which is quadratic:
    /// for the interface's two thousand strings it was most of the application's start.
    public static func strings(yaml text: String, fileName: String) throws -> [String: String] {
        guard let mapping = try compose(text, fileName: fileName)?.mapping else {
            throw ContentError(file: fileName, line: nil, field: "-", message: "une liste « clé: texte » est attendue")
        }
        var table: [String: String] = [:]
        table.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let line = key.mark.map { $0.line }
            guard let name = key.scalar?.string, !name.isEmpty else {
                throw ContentError(
                    file: fileName, line: line, field: "-", message: "clé vide ou qui n'est pas un texte")
            }
            guard let string = value.scalar?.string else {
                throw ContentError(file: fileName, line: line, field: name, message: "un texte est attendu")
            }
            table[name] = string  // a repeated key is refused by the parser
        }
        return table
    }
}
