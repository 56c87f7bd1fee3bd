extension Kernel {
    /// kmem_cache_alloc(cachep, flags): the public entry with its trace event. Returns the object or nil (NULL).
    public mutating func kmemCacheAlloc(_ name: String, gfp: GFPFlags, caller: String = "kmem_cache_alloc") -> UInt64? {
        guard let ci = slab.index(named: name) else { return nil }
        clock.tick()
        let addr = slabAllocObject(ci, gfp: gfp, caller: caller)
        if let addr {
            let c = slab.caches[ci]
            if trace.enabled {
                traceEvent(.kmemCacheAlloc(callSite: callerSymbol(caller, .alloc), ptr: addr, bytesReq: c.objectSize, bytesAlloc: c.size,
                                           gfp: gfp, accounted: c.flags.contains(.account) || gfp.contains(.account)))
            }
        }
        return addr
    }

    /// The hashed %p of a trace line or report (kernel/trace hash-ptr; lib/vsprintf.c ptr_to_id), deterministic here.
    /// slab_alloc_node(): might_alloc, then the allocator's own path; __GFP_ZERO clears the object.
    mutating func slabAllocObject(_ ci: Int, gfp: GFPFlags, caller: String, origSize: Int? = nil) -> UInt64? {
        mightAlloc(gfp, caller: caller)
        let r: (pfn: Int, index: Int)?
        switch slab.kind {
        case .slab: r = slabCacheAlloc(ci, gfp: gfp, caller: caller)
        case .slub: r = slubAlloc(ci, gfp: gfp, caller: caller, origSize: origSize)
        }
        // The address from plain values, the slab looked up once (objectAddress(head:...)).
        guard let r, let (head, first) = slab.caches[ci].slabs.read(r.pfn, { ($0.pfn, $0.firstObjectOffset) }) else { return nil }
        slab.caches[ci].totalAllocs += 1
        let size = slab.caches[ci].size, objOffset = slab.caches[ci].objOffset, flags = slab.caches[ci].flags
        let addr = objectAddress(head: head, firstObjectOffset: first, size: size, objOffset: objOffset, index: r.index)
        if flags.contains(.storeUser) { recordTrack(ci, pfn: r.pfn, index: r.index, alloc: true, caller: caller) }
        if slab.kind == .slub && flags.contains(.trace) { slubTrace(ci, pfn: r.pfn, index: r.index, alloc: true) }
        if gfp.contains(.zero) { fillObject(ci, pfn: r.pfn, index: r.index, byte: 0) }
        return addr
    }

    mutating func recordTrack(_ ci: Int, pfn: Int, index: Int, alloc: Bool, caller: String) {
        guard slab.caches[ci].flags.contains(.storeUser), let n = slab.caches[ci].slabs[pfn]?.tracks.count, index < n else { return }
        let t = currentTask
        var tr = slab.caches[ci].slabs[pfn]?.tracks[index] ?? ObjectTrack()
        if alloc {
            tr.allocCaller = callerSymbol(caller, .alloc)
            tr.allocAPI = caller
            tr.allocPID = t.pid
            tr.allocCPU = currentCPU
            tr.allocTime = clock.now
        } else {
            tr.freeCaller = callerSymbol(caller, .free)
            tr.freeAPI = caller
            tr.freePID = t.pid
            tr.freeCPU = currentCPU
            tr.freeTime = clock.now
        }
        slab.caches[ci].slabs[pfn]?.tracks[index] = tr
    }

    // MARK: SLAB (mm/slab.c)

    /// ____cache_alloc(): pop the CPU's array cache; when it is empty, cache_alloc_refill().
    mutating func slabCacheAlloc(_ ci: Int, gfp: GFPFlags, caller: String) -> (pfn: Int, index: Int)? {
        let cpu = currentCPU
        if slab.caches[ci].arrays[cpu].isEmpty {
            slab.caches[ci].stats.allocMiss += 1
            guard cacheAllocRefill(ci, gfp: gfp, caller: caller) else { return nil }
        } else {
            slab.caches[ci].stats.allocHit += 1
            if explainEnabled { explain(.slab(.arrayCacheHit(cache: slab.caches[ci].name, cpu: cpu, available: slab.caches[ci].arrays[cpu].count, limit: slab.caches[ci].limit))) }
        }
        slab.caches[ci].arrayTouched[cpu] = true
        guard let addr = slab.caches[ci].arrays[cpu].popLast(), let loc = locateSlabObject(addr), let idx = loc.index else { return nil }
        slab.caches[ci].slabs[loc.slabPFN]?.objects[idx] = .allocated
        if slab.debug.debugSlab { slabDebugCheckAlloc(ci, pfn: loc.slabPFN, index: idx) }
        return (loc.slabPFN, idx)
    }

    /// cache_alloc_refill(): batchcount objects (16 if the array was idle) from the shared array, then from
    /// slabs_partial, then slabs_free; if none, grow a new slab and take the batch from it.
    mutating func cacheAllocRefill(_ ci: Int, gfp: GFPFlags, caller: String) -> Bool {
        let cpu = currentCPU
        var batch = slab.caches[ci].batchcount
        if !slab.caches[ci].arrayTouched[cpu] && batch > 16 { batch = 16 } // BATCHREFILL_LIMIT
        // transfer_objects() from the node's shared array.
        if !slab.caches[ci].sharedArray.isEmpty {
            let n = min(batch, slab.caches[ci].sharedArray.count)
            let moved = slab.caches[ci].sharedArray.suffix(n)
            slab.caches[ci].sharedArray.removeLast(n)
            slab.caches[ci].arrays[cpu].append(contentsOf: moved)
            if explainEnabled { explain(.slab(.refilledFromShared(cache: slab.caches[ci].name, cpu: cpu, objects: n))) }
            return true
        }
        while batch > 0 {
            // get_first_slab(): partial first, then free.
            let pfn: Int
            if let p = slab.caches[ci].partial.first {
                pfn = p
                if explainEnabled { explain(.slab(.partialSlabFound(cache: slab.caches[ci].name, pfn: p))) }
            } else if let p = slab.caches[ci].free.first {
                pfn = p
                if explainEnabled { explain(.slab(.freeSlabUsed(cache: slab.caches[ci].name, pfn: p))) }
            } else {
                break
            }
            batch = allocBlock(ci, pfn: pfn, batch: batch)
            fixupSlabList(ci, pfn: pfn)
        }
        if slab.caches[ci].arrays[cpu].isEmpty {
            if explainEnabled { explain(.slab(.growing(cache: slab.caches[ci].name))) }
            guard let pfn = growSlab(ci, gfp: gfp, caller: caller) else { return false }
            slab.caches[ci].stats.grown += 1
            _ = allocBlock(ci, pfn: pfn, batch: batch)
            // cache_grow_end(): an unused slab goes to slabs_free, otherwise to its list.
            slab.caches[ci].slabs[pfn]?.list = .none
            if slab.caches[ci].slabs[pfn]?.inuse == 0 { moveSlab(ci, pfn: pfn, to: .free, tail: true) } else { fixupSlabList(ci, pfn: pfn) }
        }
        return !slab.caches[ci].arrays[cpu].isEmpty
    }

    /// alloc_block(): move objects from one slab into the CPU's array until the batch or the slab runs out.
    mutating func allocBlock(_ ci: Int, pfn: Int, batch: Int) -> Int {
        var batch = batch
        let cpu = currentCPU
        while batch > 0, let idx = takeObject(ci, pfn: pfn, state: .cached), let s = slab.caches[ci].slabs[pfn] {
            slab.caches[ci].arrays[cpu].append(objectAddress(slab.caches[ci], s, index: idx))
            batch -= 1
            slab.caches[ci].stats.allocs += 1
            slab.caches[ci].stats.active += 1
            slab.caches[ci].stats.high = max(slab.caches[ci].stats.high, slab.caches[ci].stats.active)
        }
        return batch
    }

    /// fixup_slab_list(): a full slab to the head of slabs_full, otherwise the head of slabs_partial.
    mutating func fixupSlabList(_ ci: Int, pfn: Int) {
        guard let s = slab.caches[ci].slabs[pfn] else { return }
        moveSlab(ci, pfn: pfn, to: s.freelist.isEmpty ? .full : .partial, tail: false)
    }

    // MARK: SLUB (mm/slub.c)

    /// slab_alloc_node() → ___slab_alloc(): the CPU slab, the CPU's partial slabs, the node's partial list, a new
    /// slab. Debug caches (any slub_debug flag) skip the CPU slab and take single objects from the node lists.
    mutating func slubAlloc(_ ci: Int, gfp: GFPFlags, caller: String, origSize: Int? = nil) -> (pfn: Int, index: Int)? {
        if slab.caches[ci].isDebug { return slubAllocDebug(ci, gfp: gfp, caller: caller, origSize: origSize) }
        let cpu = currentCPU
        let name = slab.caches[ci].name
        if let pfn = slab.caches[ci].cpuSlab[cpu] {
            if let idx = takeObject(ci, pfn: pfn, state: .allocated) {
                if explainEnabled { explain(.slab(.fastPathAlloc(cache: name, cpu: cpu, pfn: pfn))) }
                return (pfn, idx)
            }
            // The CPU slab is exhausted: it leaves the CPU full and on no list (only its objects know it).
            moveSlab(ci, pfn: pfn, to: .none, tail: false)
            if explainEnabled { explain(.slab(.cpuSlabFullUnfrozen(cache: name, cpu: cpu, pfn: pfn))) }
        }
        if let pfn = slab.caches[ci].cpuPartialList[cpu].first {
            moveSlab(ci, pfn: pfn, to: .cpu, tail: false, cpu: cpu)
            if explainEnabled { explain(.slab(.fromCPUPartial(cache: name, cpu: cpu, pfn: pfn))) }
        } else if !slab.caches[ci].partial.isEmpty {
            getPartialNode(ci)
        } else {
            if explainEnabled { explain(.slab(.newSlabNeeded(cache: name))) }
            guard let pfn = growSlab(ci, gfp: gfp, caller: caller) else { return nil }
            slab.caches[ci].slabs[pfn]?.list = .none
            moveSlab(ci, pfn: pfn, to: .cpu, tail: false, cpu: cpu)
        }
        guard let pfn = slab.caches[ci].cpuSlab[cpu], let idx = takeObject(ci, pfn: pfn, state: .allocated) else { return nil }
        return (pfn, idx)
    }

    /// get_partial_node(): the first node-partial slab becomes the CPU slab; more go to the CPU's partial list
    /// until it holds more than cpu_partial_slabs / 2.
    mutating func getPartialNode(_ ci: Int) {
        let cpu = currentCPU
        var taken = 0, partialSlabs = 0
        while let pfn = slab.caches[ci].partial.first {
            if taken == 0 {
                moveSlab(ci, pfn: pfn, to: .cpu, tail: false, cpu: cpu)
            } else {
                moveSlab(ci, pfn: pfn, to: .cpuPartial, tail: false, cpu: cpu)
                partialSlabs += 1
            }
            taken += 1
            if partialSlabs > slab.caches[ci].cpuPartialSlabs / 2 { break }
        }
        if explainEnabled { explain(.slab(.partialFromNode(cache: slab.caches[ci].name, cpu: cpu, toCPUPartial: partialSlabs))) }
    }

    /// alloc_single_from_partial() / alloc_single_from_new_slab(): debug caches take one object at a time under
    /// the node lock, with alloc_debug_processing(); a full slab goes to the full list only with SLAB_STORE_USER.
    mutating func slubAllocDebug(_ ci: Int, gfp: GFPFlags, caller: String, origSize: Int?) -> (pfn: Int, index: Int)? {
        var i = 0
        while i < slab.caches[ci].partial.count {
            let pfn = slab.caches[ci].partial[i]
            guard let idx = takeObject(ci, pfn: pfn, state: .allocated) else { i += 1; continue }
            if !slubAllocDebugProcessing(ci, pfn: pfn, index: idx, origSize: origSize) {
                // "Marking all objects used": the slab leaves the partial list and is never used again.
                moveSlab(ci, pfn: pfn, to: .none, tail: false)
                continue
            }
            if slab.caches[ci].slabs[pfn]?.freelist.isEmpty == true {
                moveSlab(ci, pfn: pfn, to: slab.caches[ci].flags.contains(.storeUser) ? .full : .none, tail: false)
            }
            if explainEnabled { explain(.slab(.debugAllocFromPartial(cache: slab.caches[ci].name, object: idx, pfn: pfn))) }
            return (pfn, idx)
        }
        guard let pfn = growSlab(ci, gfp: gfp, caller: caller), let idx = takeObject(ci, pfn: pfn, state: .allocated) else { return nil }
        slab.caches[ci].slabs[pfn]?.list = .none
        _ = slubAllocDebugProcessing(ci, pfn: pfn, index: idx, origSize: origSize)
        if slab.caches[ci].slabs[pfn]?.freelist.isEmpty == true {
            if slab.caches[ci].flags.contains(.storeUser) { moveSlab(ci, pfn: pfn, to: .full, tail: false) }
        } else {
            moveSlab(ci, pfn: pfn, to: .partial, tail: false)
        }
        return (pfn, idx)
    }
}

extension Kernel {
    /// mm/slub.c trace() for SLAB_TRACE (slub_debug=T): one line per alloc and free, a stack dump on free.
    mutating func slubTrace(_ ci: Int, pfn: Int, index: Int, alloc: Bool) {
        let c = slab.caches[ci]
        guard let s = c.slabs[pfn] else { return }
        let obj = objectAddress(c, s, index: index)
        let fp = s.freelist.last.map { objectAddress(c, s, index: Int($0)) }
        report(.slab(.slubTrace(cache: c.name, alloc: alloc, object: obj, inuse: s.inuse, freePointer: fp)),
               callTrace: alloc ? [] : ["dump_stack_lvl", "free_debug_processing", "__slab_free"])
    }
}
