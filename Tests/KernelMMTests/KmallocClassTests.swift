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

    /// The names kmalloc() looks its cache up by come from a table made once; each is the boot cache's own name.
    @Test(arguments: SlabAllocatorKind.allCases)
    func everyClassAndTypeNamesItsBootCache(kind: SlabAllocatorKind) throws {
        let k = try boot {
            $0.memory = 64 << 20
            $0.slab = kind
        }
        for type in KmallocType.allCases where type != .dma || k.arch.configuredZones.contains(.dma) {
            for size in k.kmallocClasses {
                let name = k.kmallocCacheName(classSize: size, type: type)
                #expect(name == type.prefix + (size >= 1024 ? "\(size / 1024)k" : "\(size)"))
                #expect(k.slab.index(named: name) != nil, "no boot cache \(name)")
            }
        }
        #expect(k.kmallocCacheName(classSize: 96, type: .reclaim) == "kmalloc-rcl-96")
        #expect(k.kmallocCacheName(classSize: 8192, type: .cgroup) == "kmalloc-cg-8k")
    }
}
