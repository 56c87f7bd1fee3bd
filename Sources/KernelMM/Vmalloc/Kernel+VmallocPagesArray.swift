extension Kernel {
    /// What __vmalloc_area_node() did for vm->pages.
    struct VmallocPagesArray {
        /// The vmalloc area holding it; nil when it fit in a page (kmalloc_node(), not modelled).
        var address: UInt64?
    }

    /// __vmalloc_area_node(): the array of nr_small_pages struct page pointers. More than a page of them is
    /// allocated with __vmalloc_node() (same caller, nested_gfp = gfp & GFP_RECLAIM_MASK | __GFP_ZERO), a separate
    /// area placed while the area's own range is already busy; a failure warns "failed to allocated page array" and
    /// gives up (nil). A smaller array comes from kmalloc_node(), which kmemsim does not model.
    mutating func vmallocPagesArray(for id: UInt32, at: UInt64, bytes: UInt64, nrPages: Int, gfp: GFPFlags,
                                    caller: String, site: String?) -> VmallocPagesArray? {
        let arraySize = UInt64(nrPages) * UInt64(arch.is64Bit ? 8 : 4)
        guard arraySize > UInt64(pageSize) else { return VmallocPagesArray(address: nil) }
        // __get_vm_area_node() put the range in the busy tree before this: hold it so the array lands elsewhere.
        insertVmapArea(VMArea(id: id, start: at, size: Int(bytes), flags: .alloc, pages: [], nrPages: 0, caller: caller,
                              requested: 0, purpose: .vmalloc))
        let nested = gfp.intersection(GFPFlags.reclaimMask).union(.zero)
        let array = vmallocNodeRange(size: arraySize, gfp: nested, caller: caller, site: site, purpose: .pagesArray(of: id))
        vmalloc.areas.removeAll { $0.id == id && $0.start == at }
        guard let array else {
            if !gfp.contains(.nowarn) {
                report(.vmallocError(message: "vmalloc error: size \(UInt64(nrPages) * UInt64(pageSize)), failed to allocated page array size \(arraySize)",
                                     gfp: gfp, memInfo: memInfoSnapshot()),
                       callTrace: ["warn_alloc", "__vmalloc_area_node", "__vmalloc_node_range", caller])
            }
            return nil
        }
        return VmallocPagesArray(address: array)
    }
}
