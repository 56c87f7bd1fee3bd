@testable import KernelMM
import Testing

/// The zonelist packed in one word: what get_page_from_freelist() walks on every allocation.
@Suite struct ZoneListTests {
    @Test func keepsItsZonesInOrder() {
        let list = ZoneList([2, 1, 0])
        #expect(Array(list) == [2, 1, 0])
        #expect(list.count == 3)
        #expect(list.first == 2)
        #expect(!list.isEmpty)
        let empty = ZoneList([])
        #expect(empty.isEmpty && empty.first == nil && Array(empty).isEmpty)
        #expect(Array(ZoneList([5, 3, 15])) == [5, 3, 15])
    }

    @Test func everyArchitectureWalksItsPopulatedZonesHighestFirst() throws {
        for arch in Architecture.allCases {
            let k = try boot { $0.arch = arch; $0.memory = arch == .i386 ? 1 << 30 : 256 << 20 }
            for hi in k.zones.indices {
                let want = (0...hi).reversed().filter { k.zones[$0].isPopulated }
                #expect(k.zonelist(highest: hi) == want, "\(arch) highest \(hi)")
            }
        }
    }
}
