/// A request's schema (the subset both providers read: type, properties, required, enum, items,
/// description, nullable) in the dialect each provider accepts.
enum SchemaDialect {
    /// Gemini's `responseSchema`: OpenAPI types in capitals (`OBJECT`, `STRING`), as Google's own
    /// SDK sends them; keys it rejects (`additionalProperties`, `$schema`) left out.
    static func gemini(_ schema: JSONValue) -> JSONValue {
        guard var object = schema.object else { return schema }
        object["additionalProperties"] = nil
        object["$schema"] = nil
        if let type = object["type"]?.string { object["type"] = .string(type.uppercased()) }
        return .object(nested(object, gemini))
    }

    /// JSON Schema as OpenAI-compatible servers read it: lower-case types, `nullable` written as a
    /// type that also allows null. `strict` adds what OpenAI's strict mode insists on: every
    /// property required (those that were optional may be null) and no other properties.
    static func jsonSchema(_ schema: JSONValue, strict: Bool) -> JSONValue {
        guard var object = schema.object else { return schema }
        if let type = object["type"]?.string { object["type"] = .string(type.lowercased()) }
        if object["nullable"]?.bool == true { allowNull(&object) }
        object["nullable"] = nil
        if strict, var properties = object["properties"]?.object {
            let required = Set((object["required"]?.array ?? []).compactMap(\.string))
            for (name, property) in properties where !required.contains(name) {
                guard var optional = property.object else { continue }
                optional["nullable"] = .bool(true)
                properties[name] = .object(optional)
            }
            object["properties"] = .object(properties)
            object["required"] = .array(properties.keys.sorted().map { .string($0) })
            object["additionalProperties"] = .bool(false)
        }
        return .object(nested(object) { jsonSchema($0, strict: strict) })
    }

    /// `type: "integer"` becomes `["integer", "null"]`; an `enum` gains null.
    private static func allowNull(_ object: inout [String: JSONValue]) {
        if let type = object["type"]?.string { object["type"] = .array([.string(type), .string("null")]) }
        if let choices = object["enum"]?.array, !choices.contains(.null) { object["enum"] = .array(choices + [.null]) }
    }

    /// `object` with `convert` applied to the schemas inside it: properties, items, anyOf.
    private static func nested(_ object: [String: JSONValue], _ convert: (JSONValue) -> JSONValue) -> [String: JSONValue] {
        var object = object
        if let properties = object["properties"]?.object { object["properties"] = .object(properties.mapValues(convert)) }
        if let items = object["items"] { object["items"] = convert(items) }
        if let anyOf = object["anyOf"]?.array { object["anyOf"] = .array(anyOf.map(convert)) }
        return object
    }
}
