import Testing
import KernelMM
@testable import MMShell

/// The byte-level shortcuts of a script line give what the general paths give.
@Suite struct ByteStringTests {
    /// `String(utf8Bytes:)` (small strings in place) is `String(decoding:as:)`, invalid bytes repaired alike, at
    /// lengths either side of the 15-byte small-string limit.
    @Test func utf8BytesIsDecoding() {
        let samples: [[UInt8]] = [[], Array("p".utf8), Array("alloc_pages".utf8), Array("GFP_KERNEL|__GFP".utf8),
                                  Array("a_longer_word_than_fifteen_bytes".utf8), Array("\u{AC00}\u{301}x".utf8),
                                  [0x61, 0xFF, 0x62], [0xE0, 0x80], [0xC3], Array(repeating: 0x80, count: 20)]
        for bytes in samples {
            let fast = bytes.withUnsafeBufferPointer { String(utf8Bytes: $0) }
            #expect(fast == String(decoding: bytes, as: UTF8.self), "\(bytes)")
            #expect(Array(fast.utf8) == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
        }
    }

    /// `ByteScan.isASCII` agrees with a byte loop, for each kind of byte at each place.
    @Test func isASCIIAgreesWithTheByteLoop() {
        for length in [0, 1, 7, 8, 9, 16, 23] {
            for place in 0..<max(length, 1) {
                for c in [0x00, 0x41, 0x7F, 0x80, 0xC3, 0xFF] as [UInt8] {
                    var line = [UInt8](repeating: 0x61, count: length)
                    if place < length { line[place] = c }
                    let fast = line.withUnsafeBufferPointer { ByteScan.isASCII($0) }
                    #expect(fast == line.allSatisfy { $0 < 0x80 }, "\(line)")
                }
            }
        }
    }

    /// `$name` is read from its bytes in plain ASCII, from its Characters otherwise, with the same answers.
    @Test func variableNamesReadAsCharacters() throws {
        let vars: [String: ShellValue] = ["p": .int(1), "caf\u{E9}": .int(2), "x": .int(3)]
        #expect(try ArgumentDecoder.variable("$p", vars) == .int(1))
        #expect(try ArgumentDecoder.variable("$caf\u{E9}", vars) == .int(2))
        #expect(try ArgumentDecoder.variable("$cafe\u{301}", vars) == .int(2))
        #expect(try ArgumentDecoder.variable("p", vars) == nil)
        #expect(try ArgumentDecoder.variable("0", vars) == nil)
        #expect(try ArgumentDecoder.variable("", vars) == nil)
        // A `$` with an accent on it is one Character that is not `$`: not a variable.
        #expect(try ArgumentDecoder.variable("$\u{301}x", vars) == nil)
        #expect(throws: CommandError.self) { try ArgumentDecoder.variable("$q", vars) }
    }

    /// Values beyond the two held in place keep their order.
    @Test func argumentValuesKeepOrder() {
        var v = ArgumentValues()
        for n in 0..<5 { v.append(.number(n), readAs: n == 1 ? .order : .number) }
        #expect(v.count == 5)
        #expect((0..<5).map { v[$0]?.value } == (0..<5).map { ArgumentValue.number($0) })
        #expect(v[1]?.read == .order)
        #expect(v[5] == nil)
    }

    /// The accessor check by the noted accessor answers as the check by the declared kind, for every kind.
    @Test func readsByDecodedAccessorAsByKind() {
        let kinds: [ArgumentKind] = [.gfp, .order, .size, .number, .address, .addressOrPage, .page, .name, .cacheName, .zone,
                                     .cacheSetting(.align), .stackOwner, .word(["a"]), .path, .keyValue, .text]
        let reads: [ArgumentRead] = [.gfp, .number, .order, .size, .address, .page, .word]
        for k in kinds {
            for r in reads { #expect(r.reads(k) == r.reads(decodedAs: ArgumentRead.decoded(k)), "\(r) of \(k)") }
        }
    }

    /// A name's first byte and length rule lookups out before hashing; every key is still found, with words that
    /// share a first byte and a length with keys, or only one of them.
    @Test func shapeFilterKeepsEveryKey() {
        let keys = ["int", "if", "inline", "unsigned", "u8", "u16", "__u8", "size_t", "a_sixty_four_byte_key_" + String(repeating: "x", count: 42)]
        let table = WordTable(keys.map { ($0, true) })
        for k in keys { #expect(table[k] == true, "\(k)") }
        for miss in ["in", "ift", "i", "u", "u9", "__u9", "size_u", "p", "a_sixty_four_byte_key_" + String(repeating: "x", count: 43)] {
            #expect(table[miss] == nil, "\(miss)")
        }
    }
}

/// needsMore's quick look for a bracket, quote or slash finds what the per-byte test finds.
@Suite struct ContainsAnyTests {
    @Test func agreesWithTheNestingByteTest() {
        let special = Set("\"'()/{}".utf8)
        for length in [0, 1, 7, 8, 9, 16, 23] {
            for place in 0..<max(length, 1) {
                for c in 0...255 {
                    var line = [UInt8](repeating: 0x61, count: length)
                    if place < length { line[place] = UInt8(c) }
                    let fast = line.withUnsafeBufferPointer { ByteScan.containsAny($0, of: CInput.nestingBytes) }
                    #expect(fast == line.contains(where: special.contains), "\(line)")
                }
            }
        }
    }
}

/// Hex digits made eight at a time and stored a word at a time read as `%#lx` does, with room to spare, with just
/// enough room (the byte-at-a-time ending), and followed by more text (the words' spare bytes are overwritten).
@Suite struct ByteTextHexTests {
    @Test(arguments: [0, 1, 0xF, 0x10, 0xABCDEF, 0x1234_5678, 0xFFFF_FFFF, 0x1_0000_0000, 0x1_0002_2000,
                      0xFFFF_EA00_0400_0880, UInt64.max] as [UInt64])
    func hexReadsAsFormat(_ v: UInt64) {
        let want = "0x" + String(v, radix: 16)
        #expect(ByteText.string(capacity: 40) { $0.appendHex(v) } == want)
        #expect(ByteText.string(capacity: want.utf8.count) { $0.appendHex(v) } == want)
        #expect(ByteText.string(capacity: 60) { $0.appendHex(v); $0.append("|"); $0.appendHex(v); $0.append("]") } == want + "|" + want + "]")
        #expect(ByteText.string(capacity: want.utf8.count - 1) { $0.appendHex(v) } == "")
    }
}
