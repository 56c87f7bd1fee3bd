import Testing
@testable import KernelMM

/// kmalloc's size class, computed without building the class table, is the table's first class that fits.
@Suite struct KmallocClassTests {
    @Test(arguments: SlabAllocatorKind.allCases)
    func classSizeIsTheFirstClassThatFits(kind: SlabAllocatorKind) throws {
        let k = try boot {
            $0.memory = 64 << 20
            $0.slab = kind
        }
        let classes = k.kmallocClasses
        for size in 0...(k.kmallocMaxCacheSize + 1) {
            let expected = size > 0 && size <= k.kmallocMaxCacheSize ? classes.first { $0 >= size } : nil
            if k.kmallocClassSize(size) != expected {
                Issue.record("size \(size): \(String(describing: k.kmallocClassSize(size))), the table says \(String(describing: expected))")
                return
            }
        }
    }
}
