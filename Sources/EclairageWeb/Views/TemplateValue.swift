/// Turns a typed page model into nested dictionaries once per render, so that the template engine
/// looks names up in dictionaries instead of reflecting on the structs at every `{{name}}`.
/// Optionals become present or absent keys; arrays stay arrays; string tables pass through as they are.
enum TemplateValue {
    static func flatten(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Int64: return number
        case let table as [String: String]: return table
        case let list as [String]: return list
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { flatten($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { flatten($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let flattened = flatten(child.value) { fields[label] = flattened }
            }
            return fields
        default:
            return value
        }
    }
}
