/// Codable to and from `JSONValue` without Foundation: KernelMM's types describe themselves (Codable is in the
/// standard library) and these two turn that into the saved document's tree and back. Dictionaries are written in key
/// order (numbers by value, names by their text), so the same state always saves to the same text; byte arrays (slab
/// debug contents) as run-length hex ("6b*4088 a5*8").
enum SaveEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = SaveNode()
        try node.store(value, path: [])
        return node.json
    }
}

enum SaveDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from json: JSONValue) throws -> T {
        try SaveTreeDecoder(json, path: []).unbox(type)
    }
}

/// One value being built by the encoder.
final class SaveNode {
    enum Kind { case unset, value(JSONValue), array([SaveNode]), object([(key: String, int: Int?, node: SaveNode)]) }
    var kind: Kind = .unset
    /// A dictionary's object: its keys are written sorted (a dictionary hands them over in hash order, which differs
    /// from run to run, and the same session must save to the same bytes).
    var sortsKeys = false

    var json: JSONValue {
        switch kind {
        case .unset: return .null
        case .value(let v): return v
        case .array(let a): return .array(a.map(\.json))
        case .object(let o):
            // A dictionary keyed by numbers (every key has an intValue): by number, not in hash order.
            let sorted = !o.isEmpty && o.allSatisfy { $0.int != nil } ? o.sorted { ($0.int ?? 0) < ($1.int ?? 0) }
                : sortsKeys ? o.sorted { $0.key < $1.key } : o
            return .object(sorted.map { ($0.key, $0.node.json) })
        }
    }

    func store<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
        if T.self == [UInt8].self, let bytes = value as? [UInt8] { kind = .value(.string(ByteRuns.text(bytes))); return }
        try value.encode(to: SaveTreeEncoder(node: self, path: path))
    }

    func appendChild() -> SaveNode {
        let n = SaveNode()
        if case .array(var a) = kind { a.append(n); kind = .array(a) } else { kind = .array([n]) }
        return n
    }

    func child(_ key: any CodingKey) -> SaveNode {
        let n = SaveNode()
        if case .object(var o) = kind {
            kind = .unset   // `o` alone holds the entries while it grows: no copy per key
            if let i = o.firstIndex(where: { $0.key == key.stringValue }) { o[i].node = n } else { o.append((key.stringValue, key.intValue, n)) }
            kind = .object(o)
        } else {
            kind = .object([(key.stringValue, key.intValue, n)])
        }
        return n
    }
}

/// Byte arrays as run-length hex, so a slab page of poison is one token.
enum ByteRuns {
    static func text(_ bytes: [UInt8]) -> String {
        var parts: [String] = []
        var i = 0
        while i < bytes.count {
            var j = i + 1
            while j < bytes.count, bytes[j] == bytes[i] { j += 1 }
            let h = (bytes[i] < 16 ? "0" : "") + String(bytes[i], radix: 16)
            parts.append(j - i == 1 ? h : h + "*" + String(j - i))
            i = j
        }
        return parts.joined(separator: " ")
    }

    static func bytes(_ text: String, limit: Int) -> [UInt8]? {
        var out: [UInt8] = []
        for part in text.split(separator: " ") {
            let pieces = part.split(separator: "*", omittingEmptySubsequences: false)
            guard pieces.count <= 2, pieces[0].count == 2, let b = UInt8(pieces[0], radix: 16) else { return nil }
            let n = pieces.count == 2 ? Int(pieces[1]) : 1
            guard let n, n >= 1, out.count + n <= limit else { return nil }
            out.append(contentsOf: repeatElement(b, count: n))
        }
        return out
    }
}

struct SaveTreeEncoder: Encoder {
    let node: SaveNode
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        // Dictionary's encode(to:) keys its container with the standard library's own key type.
        if String(describing: Key.self) == "_DictionaryCodingKey" { node.sortsKeys = true }
        return KeyedEncodingContainer(SaveKeyedEncoder<Key>(node: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return SaveUnkeyedEncoder(node: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SaveSingleEncoder(node: node, path: path) }
}

/// Numbers as exact integers; anything else Codable can hand over becomes a string or is refused.
private func scalar<T: Encodable>(_ v: T) -> JSONValue? {
    switch v {
    case let b as Bool: return .bool(b)
    case let s as String: return .string(s)
    case let x as Int: return .int(Int(x))
    case let x as Int8: return .int(Int(x))
    case let x as Int16: return .int(Int(x))
    case let x as Int32: return .int(Int(x))
    case let x as Int64: return .int(Int(x))
    case let x as UInt: return .uint(UInt64(x))
    case let x as UInt8: return .uint(UInt64(x))
    case let x as UInt16: return .uint(UInt64(x))
    case let x as UInt32: return .uint(UInt64(x))
    case let x as UInt64: return .uint(x)
    default: return nil
    }
}

struct SaveKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: SaveNode
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }

    mutating func encodeNil(forKey key: Key) throws { node.child(key).kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let c = node.child(key)
        if let s = scalar(value) { c.kind = .value(s) } else { try c.store(value, path: path + [key]) }
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
        let c = node.child(key)
        c.kind = .object([])
        return KeyedEncodingContainer(SaveKeyedEncoder<N>(node: c, path: path + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let c = node.child(key)
        c.kind = .array([])
        return SaveUnkeyedEncoder(node: c, path: path + [key])
    }
    mutating func superEncoder() -> any Encoder { SaveTreeEncoder(node: node.child(SaveIndexKey(name: "super")), path: path) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SaveTreeEncoder(node: node.child(key), path: path + [key]) }
}

struct SaveIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(name: String) { stringValue = name; intValue = nil }
    init(index: Int) { stringValue = "[\(index)]"; intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init?(intValue: Int) { self.init(index: intValue) }
}

struct SaveUnkeyedEncoder: UnkeyedEncodingContainer {
    let node: SaveNode
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }
    var count: Int {
        if case .array(let a) = node.kind { return a.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendChild().kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let i = count
        let c = node.appendChild()
        if let s = scalar(value) { c.kind = .value(s) } else { try c.store(value, path: path + [SaveIndexKey(index: i)]) }
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
        let i = count
        let c = node.appendChild()
        c.kind = .object([])
        return KeyedEncodingContainer(SaveKeyedEncoder<N>(node: c, path: path + [SaveIndexKey(index: i)]))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let i = count
        let c = node.appendChild()
        c.kind = .array([])
        return SaveUnkeyedEncoder(node: c, path: path + [SaveIndexKey(index: i)])
    }
    mutating func superEncoder() -> any Encoder { SaveTreeEncoder(node: node.appendChild(), path: path) }
}

struct SaveSingleEncoder: SingleValueEncodingContainer {
    let node: SaveNode
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }
    mutating func encodeNil() throws { node.kind = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let s = scalar(value) { node.kind = .value(s) } else { try node.store(value, path: path) }
    }
}

// MARK: - Decoding

struct SaveTreeDecoder: Decoder {
    let json: JSONValue
    let path: [any CodingKey]
    init(_ json: JSONValue, path: [any CodingKey]) { self.json = json; self.path = path }
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, DecodingError.Context(codingPath: path, debugDescription: expected))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let o) = json else { throw mismatch("object") }
        return KeyedDecodingContainer(SaveKeyedDecoder<Key>(object: o, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = json else { throw mismatch("array") }
        return SaveUnkeyedDecoder(array: a, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SaveSingleDecoder(decoder: self) }

    func unbox<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == [UInt8].self {
            guard case .string(let s) = json, let b = ByteRuns.bytes(s, limit: Limits.fileBytes) as? T else { throw mismatch("byte runs") }
            return b
        }
        if let v = try scalarValue(type) { return v }
        return try T(from: self)
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        switch json {
        case .int(let v): if let x = I(exactly: v) { return x }
        case .uint(let v): if let x = I(exactly: v) { return x }
        default: throw mismatch("whole number")
        }
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: "number out of range"))
    }

    func scalarValue<T>(_ type: T.Type) throws -> T? {
        switch type {
        case is Bool.Type:
            guard case .bool(let b) = json else { throw mismatch("true or false") }
            return b as? T
        case is String.Type:
            guard case .string(let s) = json else { throw mismatch("string") }
            return s as? T
        case is Int.Type: return try integer(Int.self) as? T
        case is Int8.Type: return try integer(Int8.self) as? T
        case is Int16.Type: return try integer(Int16.self) as? T
        case is Int32.Type: return try integer(Int32.self) as? T
        case is Int64.Type: return try integer(Int64.self) as? T
        case is UInt.Type: return try integer(UInt.self) as? T
        case is UInt8.Type: return try integer(UInt8.self) as? T
        case is UInt16.Type: return try integer(UInt16.self) as? T
        case is UInt32.Type: return try integer(UInt32.self) as? T
        case is UInt64.Type: return try integer(UInt64.self) as? T
        default: return nil
        }
    }
}

struct SaveKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: [(String, JSONValue)]
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }
    var allKeys: [Key] { object.compactMap { Key(stringValue: $0.0) } }

    func contains(_ key: Key) -> Bool { object.contains { $0.0 == key.stringValue } }

    func value(_ key: Key) throws -> JSONValue {
        guard let v = object.first(where: { $0.0 == key.stringValue })?.1 else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: path, debugDescription: "missing"))
        }
        return v
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try value(key) { return true }
        return false
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try SaveTreeDecoder(value(key), path: path + [key]).unbox(type)
    }
    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        try SaveTreeDecoder(value(key), path: path + [key]).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try SaveTreeDecoder(value(key), path: path + [key]).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { SaveTreeDecoder(.object(object), path: path) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SaveTreeDecoder(try value(key), path: path + [key]) }
}

struct SaveUnkeyedDecoder: UnkeyedDecodingContainer {
    let array: [JSONValue]
    let path: [any CodingKey]
    var currentIndex = 0
    init(array: [JSONValue], path: [any CodingKey]) { self.array = array; self.path = path }
    var codingPath: [any CodingKey] { path }
    var count: Int? { array.count }
    var isAtEnd: Bool { currentIndex >= array.count }

    mutating func next() throws -> SaveTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: path, debugDescription: "array too short"))
        }
        defer { currentIndex += 1 }
        return SaveTreeDecoder(array[currentIndex], path: path + [SaveIndexKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = array[currentIndex] { currentIndex += 1; return true }
        return false
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().unbox(type) }
    mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SaveSingleDecoder: SingleValueDecodingContainer {
    let decoder: SaveTreeDecoder
    var codingPath: [any CodingKey] { decoder.path }
    func decodeNil() -> Bool {
        if case .null = decoder.json { return true }
        return false
    }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.unbox(type) }
}
