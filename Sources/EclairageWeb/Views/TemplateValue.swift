import NIOConcurrencyHelpers

/// Turns a typed page model into nested dictionaries once per render, so that the template engine
/// looks names up in dictionaries instead of reflecting on the structs at every `{{name}}`.
/// Optionals become present or absent keys; arrays stay arrays; string tables pass through as they are.
enum TemplateValue {
    static func flatten(_ value: Any) -> Any? {
        // The common leaves first: plain casts to concrete types are cheap; casts to generic
        // containers are not, so those are tried only once the mirror says what the value is.
        if let text = value as? String { return text }
        if let flag = value as? Bool { return flag }
        if let number = value as? Int { return number }
        if let model = value as? any TemplateFields {
            let fields = model.templateFields
            #if DEBUG
            TemplateFieldsAudit.check(model, fields)
            #endif
            return fields.compactMapValues(flatten)
        }
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

/// A model repeated many times on a page (list items, the layout) lists its fields by hand, which
/// spares the reflection `flatten` would otherwise do for each instance.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

#if DEBUG
/// In debug builds (the tests), every hand-kept field list is compared with its model as it is
/// rendered: a stored property missing from the list is recorded, and the snapshot test, which renders
/// every page, fails on it. Release builds skip the check.
enum TemplateFieldsAudit {
    static let missing = NIOLockedValueBox<Set<String>>([])

    static func check(_ model: any TemplateFields, _ fields: [String: Any]) {
        for child in Mirror(reflecting: model).children {
            guard let label = child.label, fields[label] == nil else { continue }
            let value = Mirror(reflecting: child.value)
            if value.displayStyle == .optional && value.children.isEmpty { continue }  // nil: left out on purpose
            missing.withLockedValue { _ = $0.insert("\(type(of: model)).\(label)") }
        }
    }
}
#endif
