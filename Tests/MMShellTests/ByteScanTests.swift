import Testing
@testable import MMShell

/// The eight-bytes-a-step printable test agrees with a byte loop, for each byte value at each place in a line.
@Suite struct ByteScanTests {
    @Test func agreesWithTheByteLoop() {
        for length in [1, 7, 8, 9, 16, 23] {
            for place in 0..<length {
                for c in 0...255 {
                    var line = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    line[place] = UInt8(c)
                    let fast = line.withUnsafeBufferPointer { ByteScan.isPrintableASCII($0) }
                    #expect(fast == line.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }, "byte \(c) at \(place) of \(length)")
                }
            }
        }
        for length in [1, 8, 9, 17] {
            for place in 0..<length {
                for c in [0x00, 0x01, 0x22, 0x23, 0x7F, 0x80, 0xA3, 0xFF] as [UInt8] {
                    var line = [UInt8](repeating: 0x41, count: length)
                    line[place] = c
                    for wanted in [0x00, 0x23, 0x41, 0xA3, 0xFF] as [UInt8] {
                        let fast = line.withUnsafeBufferPointer { ByteScan.contains($0, wanted) }
                        #expect(fast == line.contains(wanted), "\(wanted) in \(line)")
                    }
                }
            }
        }
        // A borrow out of a low control byte must not hide or invent anything above it.
        for line in [[0x00, 0x20, 0x7E, 0x41, 0x41, 0x41, 0x41, 0x41], [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x20], [0x7F, 0x80, 0x00, 0x1F, 0x20, 0x21, 0x7E, 0xFF]] as [[UInt8]] {
            let fast = line.withUnsafeBufferPointer { ByteScan.isPrintableASCII($0) }
            #expect(fast == line.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
        }
    }
}
