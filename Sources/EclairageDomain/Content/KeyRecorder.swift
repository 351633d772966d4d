import Foundation
import Yams

/// Which keys a `Decodable` type reads, learnt while it decodes: a `Decoder` that wraps Yams's and
/// notes, for each mapping decoded with keys, every key the type asks for (decoded, tested or
/// skipped as absent). What a file holds beyond that was dropped silently by the decoder; the
/// loader refuses it instead (`ContentFile.unknownKey`). The known keys are the type's own, so no
/// list is kept by hand.
final class KeyRecorder {
    /// Asked keys by path of their mapping (`ContentFile.fieldName` of the coding path).
    private(set) var asked: [String: Set<String>] = [:]
    /// The coding paths of those mappings, to find their nodes again.
    private(set) var paths: [String: [any CodingKey]] = [:]

    func note(_ key: String, in path: [any CodingKey]) {
        let name = ContentFile.fieldName(path)
        asked[name, default: []].insert(key)
        if paths[name] == nil { paths[name] = path }
    }

    func open(_ path: [any CodingKey]) {
        let name = ContentFile.fieldName(path)
        if asked[name] == nil { asked[name] = [] }
        if paths[name] == nil { paths[name] = path }
    }

    /// Decodes `T` from a decoder of Yams, recording the keys it reads.
    static func decode<T: Decodable>(_ type: T.Type, from node: Node, recorder: KeyRecorder) throws -> T {
        // Yams's own decoder for the root: its `superDecoder` hands out the decoders of the children.
        let root = try YAMLDecoder().decode(RootDecoder.self, from: node).decoder
        return try T(from: RecordingDecoder(inner: root, recorder: recorder))
    }

    /// Captures the decoder Yams builds for the root node.
    private struct RootDecoder: Decodable {
        let decoder: any Decoder
        init(from decoder: any Decoder) throws { self.decoder = decoder }
    }
}

/// Decodes through another decoder, recording every key asked of a keyed container.
struct RecordingDecoder: Decoder {
    let inner: any Decoder
    let recorder: KeyRecorder

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let container = try inner.container(keyedBy: type)
        recorder.open(codingPath)
        return KeyedDecodingContainer(RecordingKeyedContainer(inner: container, recorder: recorder))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        RecordingUnkeyedContainer(inner: try inner.unkeyedContainer(), recorder: recorder)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingleValue(decoder: self, inner: try inner.singleValueContainer())
    }

    /// Scalars are Yams's business (its constructors read dates, URLs, numbers); anything else is
    /// decoded again through a recording decoder.
    static func isScalar<T>(_ type: T.Type) -> Bool { type is any ScalarConstructible.Type }
}

struct RecordingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let inner: KeyedDecodingContainer<Key>
    let recorder: KeyRecorder

    var codingPath: [any CodingKey] { inner.codingPath }
    var allKeys: [Key] { inner.allKeys }

    private func note(_ key: Key) { recorder.note(key.stringValue, in: codingPath) }

    func contains(_ key: Key) -> Bool {
        note(key)
        return inner.contains(key)
    }
    func decodeNil(forKey key: Key) throws -> Bool {
        note(key)
        return try inner.decodeNil(forKey: key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        note(key)
        if RecordingDecoder.isScalar(type) { return try inner.decode(type, forKey: key) }
        return try T(from: RecordingDecoder(inner: try inner.superDecoder(forKey: key), recorder: recorder))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        note(key)
        return try RecordingDecoder(inner: try inner.superDecoder(forKey: key), recorder: recorder).container(
            keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        note(key)
        return RecordingUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(forKey: key), recorder: recorder)
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(inner: try inner.superDecoder(), recorder: recorder) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        note(key)
        return RecordingDecoder(inner: try inner.superDecoder(forKey: key), recorder: recorder)
    }
}

struct RecordingUnkeyedContainer: UnkeyedDecodingContainer {
    var inner: any UnkeyedDecodingContainer
    let recorder: KeyRecorder

    var codingPath: [any CodingKey] { inner.codingPath }
    var count: Int? { inner.count }
    var isAtEnd: Bool { inner.isAtEnd }
    var currentIndex: Int { inner.currentIndex }

    mutating func decodeNil() throws -> Bool { try inner.decodeNil() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if RecordingDecoder.isScalar(type) { return try inner.decode(type) }
        return try T(from: RecordingDecoder(inner: try inner.superDecoder(), recorder: recorder))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try RecordingDecoder(inner: try inner.superDecoder(), recorder: recorder).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        RecordingUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(), recorder: recorder)
    }

    mutating func superDecoder() throws -> any Decoder {
        RecordingDecoder(inner: try inner.superDecoder(), recorder: recorder)
    }
}

struct RecordingSingleValue: SingleValueDecodingContainer {
    let decoder: RecordingDecoder
    let inner: any SingleValueDecodingContainer

    var codingPath: [any CodingKey] { inner.codingPath }
    func decodeNil() -> Bool { inner.decodeNil() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if RecordingDecoder.isScalar(type) { return try inner.decode(type) }
        return try T(from: decoder)
    }
}
