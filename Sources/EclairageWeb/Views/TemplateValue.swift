/// Turns a typed page model into nested dictionaries once per render, so that the template engine
/// looks names up in dictionaries instead of reflecting on the structs at every `{{name}}`.
/// Optionals become present or absent keys; arrays stay arrays; string tables pass through as they are.
/// The fields are the models' stored properties, read by `Mirror`: no list of them is kept by hand.
enum TemplateValue {
    static func flatten(_ value: Any) -> Any? {
        // The common leaves first: plain casts to concrete types are cheap; casts to generic
        // containers are not, so those are tried only once the mirror says what the value is.
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { flatten($0.value) }
        case .collection, .set:
            if let strings = value as? [String] { return strings }
            return mirror.children.compactMap { flatten($0.value) }
        case .dictionary:
            return value
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, let flattened = flatten(child.value) { fields[label] = flattened }
            }
            return fields
        default:
            return value
        }
    }
}
