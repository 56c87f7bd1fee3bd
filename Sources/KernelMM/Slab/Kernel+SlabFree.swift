/// What a free did.
public enum SlabFreeOutcome: Sendable, Equatable {
    case freed
    /// A report is in the log; the object (and every list) is as it was.
    case refused
}

extension Kernel {
    /// kmem_cache_free(cachep, objp) with its trace event.
    @discardableResult
    public mutating func kmemCacheFree(_ name: String, _ addr: UInt64, caller: String = "kmem_cache_free") -> SlabFreeOutcome {
        guard let ci = slab.index(named: name) else { return .refused }
        clock.tick()
        if trace.enabled { traceEvent(.kmemCacheFree(callSite: callerSymbol(caller, .free), ptr: addr, cache: slab.caches[ci].name)) }
        return slabFree(expected: ci, addr, caller: caller, api: "kmem_cache_free")
    }

    /// Frees by address into the cache that owns it (kmem_cache_destroy's descriptors).
    mutating func slabFreeByAddress(_ addr: UInt64, expect name: String, caller: String) {
        _ = slabFree(expected: slab.index(named: name), addr, caller: caller, api: "kmem_cache_free")
    }

    /// The checks every free goes through, then the allocator's own free path.
    /// `expected` is the cache the caller named (nil for kfree, which finds it from the page).
    mutating func slabFree(expected: Int?, _ addr: UInt64, caller inCaller: String, api: String) -> SlabFreeOutcome {
        // A call from the prompt: the trace lists the API once (report() drops the repeat) and then the learner's function.
        let caller = inCaller
        guard let loc = locateSlabObject(addr) else {
            // virt_to_cache(): WARN_ONCE(!slab, "%s: Object is not a Slab page!")
            report(.slab(.notSlabPage),
                   taint: "W", callTrace: [api, caller],
                   note: .freeNotInSlab(address: addr, api: api))
            return .refused
        }
        var ci = loc.cacheIndex
        if let e = expected, e != ci {
            // cache_from_obj(): with memcg kmem (distro default) the kernel checks and frees into the right cache.
            report(.slab(.wrongCache(named: slab.caches[e].name, objectFrom: slab.caches[ci].name)),
                   taint: "W", callTrace: ["cache_from_obj", api, caller],
                   note: .freedIntoRealCache(cache: slab.caches[ci].name))
            ci = loc.cacheIndex
        }
        // The object's state read in place: a copy of the slab, or of the cache's shape, was most of a free's cost.
        guard let idx = loc.index, loc.exact, let state = slab.caches[ci].slabs.read(loc.slabPFN, { $0.objects[idx] }) else {
            invalidObjectPointer(ci, loc: loc, addr: addr, caller: caller, api: api)
            return .refused
        }
        if state != .allocated {
            doubleFree(ci, pfn: loc.slabPFN, index: idx, addr: addr, caller: caller, api: api)
            return .refused
        }
        switch slab.kind {
        case .slab:
            if slab.debug.debugSlab { slabDebugFree(ci, pfn: loc.slabPFN, index: idx) }
            recordTrack(ci, pfn: loc.slabPFN, index: idx, alloc: false, caller: inCaller)
            slabCacheFree(ci, pfn: loc.slabPFN, index: idx, addr: addr)
        case .slub:
            if slab.caches[ci].isDebug {
                guard slubFreeDebugProcessing(ci, pfn: loc.slabPFN, index: idx) else { return .refused }
                if slab.caches[ci].flags.contains(.trace) { slubTrace(ci, pfn: loc.slabPFN, index: idx, alloc: false) }
                recordTrack(ci, pfn: loc.slabPFN, index: idx, alloc: false, caller: inCaller)
                slubFreeDebug(ci, pfn: loc.slabPFN, index: idx)
            } else {
                slubFree(ci, pfn: loc.slabPFN, index: idx)
            }
        }
        slab.caches[ci].totalFrees += 1
        return .freed
    }

    // MARK: reports for bad frees

    mutating func invalidObjectPointer(_ ci: Int, loc: SlabObjectLocation, addr: UInt64, caller: String, api: String) {
        let c = slab.caches[ci]
        func what(_ check: KmemsimNote.InvalidPointerCheck) -> KmemsimNote {
            .invalidObjectPointer(address: addr, object: loc.index, offset: loc.offsetInObject, cache: c.name, objectSize: c.size, check: check)
        }
        switch slab.kind {
        case .slub where c.flags.contains(.consistencyChecks):
            var r = slubReport(ci, pfn: loc.slabPFN, index: nil, problem: .invalidObjectPointer(address: addr))
            r.fixes = [.objectNotFreed(address: addr)]
            report(.slubBug(r), taint: "B", callTrace: ["slab_err", "free_debug_processing", api, caller],
                   note: what(.slubConsistency))
        case .slab where slab.debug.debugSlab:
            // BUG_ON(objp != index_to_obj(cachep, slab, objnr)): a pointer inside an object, not at its start.
            report(.kernelBug(file: "mm/slab.c", line: 2688, function: "cache_free_debugcheck"), taint: "D", callTrace: ["cache_free_debugcheck", api, caller],
                   note: what(.slabDebug))
        default:
            report(.kmemsimOnly, callTrace: [api, caller],
                   note: what(.unchecked))
        }
    }

    mutating func doubleFree(_ ci: Int, pfn: Int, index: Int, addr: UInt64, caller: String, api: String) {
        let c = slab.caches[ci]
        let cached = c.slabs[pfn]?.objects[index] == .cached
        switch slab.kind {
        case .slub where c.flags.contains(.consistencyChecks):
            var r = slubReport(ci, pfn: pfn, index: index, problem: .objectAlreadyFree)
            r.fixes = [.objectNotFreed(address: addr)]
            report(.slubBug(r), taint: "B", callTrace: ["dump_stack_lvl", "free_debug_processing", "__slab_free", api, caller],
                   note: .doubleFreeObject(object: index, cache: c.name, cached: cached, check: .slubOnFreelist))
        case .slub where c.slabs[pfn]?.freelist.last == Int32(index):
            report(.kernelBug(file: "mm/slub.c", line: 448, function: "set_freepointer"), taint: "D", callTrace: ["set_freepointer", "__slab_free", api, caller],
                   note: .doubleFreeObject(object: index, cache: c.name, cached: cached, check: .slubFreelistHead))
        case .slub:
            report(.kmemsimOnly, callTrace: [api, caller],
                   note: .doubleFreeObject(object: index, cache: c.name, cached: cached, check: .slubUnchecked))
        case .slab where slab.debug.debugSlab:
            let (rz1, rz2) = slabRedzoneWords(ci, pfn: pfn, index: index)
            // verify_redzone_free() prints objp, the slot before obj_offset (the first red zone word), after the stack.
            report(.slab(.redzone(function: .verifyRedzoneFree, cache: c.name, problem: .doubleFree,
                                  address: addr - UInt64(c.shape.objOffset), redzone1: rz1, redzone2: rz2)),
                   taint: "B", callTrace: ["dump_stack_lvl", "cache_free_debugcheck", api, caller],
                   note: .doubleFreeObject(object: index, cache: c.name, cached: cached, check: .slabRedzone))
        case .slab:
            report(.kmemsimOnly, callTrace: [api, caller],
                   note: .doubleFreeObject(object: index, cache: c.name, cached: cached, check: .slabUnchecked))
        }
    }

    // MARK: SLAB free path

    /// ___cache_free(): push onto the CPU's array; a full array first flushes batchcount objects.
    mutating func slabCacheFree(_ ci: Int, pfn: Int, index: Int, addr: UInt64) {
        let cpu = currentCPU
        slab.caches[ci].slabs[pfn]?.objects[index] = .cached
        if slab.caches[ci].arrays[cpu].count >= slab.caches[ci].limit {
            slab.caches[ci].stats.freeMiss += 1
            cacheFlusharray(ci, cpu: cpu)
        } else {
            slab.caches[ci].stats.freeHit += 1
        }
        slab.caches[ci].arrays[cpu].append(addr)
        if explainEnabled { explain(.slab(.pushedOnArrayCache(cache: slab.caches[ci].name, cpu: cpu, count: slab.caches[ci].arrays[cpu].count, limit: slab.caches[ci].limit))) }
    }

    /// cache_flusharray(): the oldest batchcount entries go to the shared array if it has room, else back to
    /// their slabs (free_block()).
    mutating func cacheFlusharray(_ ci: Int, cpu: Int) {
        var batch = slab.caches[ci].batchcount
        let c = slab.caches[ci].shape
        if c.shared > 0 {
            let room = c.shared * c.batchcount - slab.caches[ci].sharedArray.count
            if room > 0 {
                batch = min(batch, room)
                slab.caches[ci].sharedArray.append(contentsOf: slab.caches[ci].arrays[cpu].prefix(batch))
                slab.caches[ci].arrays[cpu].removeFirst(batch)
                if explainEnabled { explain(.slab(.arrayFullToShared(cache: c.name, cpu: cpu, objects: batch))) }
                return
            }
        }
        let entries = Array(slab.caches[ci].arrays[cpu].prefix(batch))
        slab.caches[ci].arrays[cpu].removeFirst(entries.count)
        if explainEnabled { explain(.slab(.arrayFullFreeBlock(cache: c.name, cpu: cpu, objects: entries.count))) }
        freeBlock(ci, entries)
    }

    /// free_block(): objects back to their slabs; an empty slab to slabs_free, others to the tail of
    /// slabs_partial; free slabs beyond free_limit are destroyed.
    mutating func freeBlock(_ ci: Int, _ entries: [UInt64]) {
        for a in entries {
            guard let loc = locateSlabObject(a), let idx = loc.index else { continue }
            putObject(ci, pfn: loc.slabPFN, index: idx)
            slab.caches[ci].stats.active -= 1
            if slab.caches[ci].slabs[loc.slabPFN]?.inuse == 0 {
                moveSlab(ci, pfn: loc.slabPFN, to: .free, tail: false)
            } else {
                moveSlab(ci, pfn: loc.slabPFN, to: .partial, tail: true)
            }
        }
        var destroyed = 0
        while slabFreeObjects(ci) > slab.caches[ci].freeLimit, let last = slab.caches[ci].free.last {
            discardSlab(ci, pfn: last)
            destroyed += 1
        }
        if destroyed > 0 {
            if explainEnabled { explain(.slab(.aboveFreeLimit(cache: slab.caches[ci].name, freeLimit: slab.caches[ci].freeLimit, slabsDestroyed: destroyed))) }
        }
    }

    /// n->free_objects: objects free inside the node's slabs (array-cache entries are not).
    func slabFreeObjects(_ ci: Int) -> Int {
        slab.caches[ci].slabs.values.reduce(0) { $0 + $1.freelist.count }
    }

    // MARK: SLUB free path

    /// do_slab_free() / __slab_free(): frozen slabs (CPU slab, CPU partial) just take the object; a slab that was
    /// full goes to this CPU's partial list; an empty node-partial slab is discarded above min_partial.
    mutating func slubFree(_ ci: Int, pfn: Int, index: Int) {
        // The fields it needs, not a copy of the slab: a copy held across putObject made its change copy the
        // slab's object and freelist arrays.
        guard let (prior, list, cpu) = slab.caches[ci].slabs.read(pfn, { (!$0.freelist.isEmpty, $0.list, $0.cpu) }) else { return }
        let name = slab.caches[ci].name
        putObject(ci, pfn: pfn, index: index)
        switch list {
        case .cpu:
            if explainEnabled { explain(.slab(.freedToCPUSlab(cache: name, cpu: cpu, remote: cpu != currentCPU))) }
        case .cpuPartial:
            if explainEnabled { explain(.slab(.freedToCPUPartialSlab(cache: name, cpu: cpu))) }
        default:
            if !prior {
                if explainEnabled { explain(.slab(.fullSlabFrozen(cache: name, pfn: pfn, cpu: currentCPU))) }
                putCPUPartial(ci, pfn: pfn, drain: true)
            } else if slab.caches[ci].slabs.read(pfn, \.inuse) == 0 && slab.caches[ci].partial.count >= slab.caches[ci].minPartial {
                if explainEnabled { explain(.slab(.emptySlabDiscarded(cache: name, pfn: pfn, partialSlabs: slab.caches[ci].partial.count, minPartial: slab.caches[ci].minPartial))) }
                discardSlab(ci, pfn: pfn)
            }
        }
    }

    /// put_cpu_partial(): onto the head of this CPU's partial list; when it already holds cpu_partial_slabs,
    /// the old list is unfrozen to the node first.
    mutating func putCPUPartial(_ ci: Int, pfn: Int, drain: Bool) {
        let cpu = currentCPU
        if drain && slab.caches[ci].cpuPartialList[cpu].count >= slab.caches[ci].cpuPartialSlabs {
            let old = slab.caches[ci].cpuPartialList[cpu]
            if explainEnabled { explain(.slab(.cpuPartialFull(cache: slab.caches[ci].name, cpu: cpu, slabs: old.count, cpuPartialSlabs: slab.caches[ci].cpuPartialSlabs))) }
            unfreezePartials(ci, old)
        }
        moveSlab(ci, pfn: pfn, to: .cpuPartial, tail: false, cpu: cpu)
    }

    /// __unfreeze_partials(): each slab to the node's partial tail, or discarded if empty and the node has enough.
    mutating func unfreezePartials(_ ci: Int, _ pfns: [Int]) {
        var discard: [Int] = []
        for p in pfns {
            if slab.caches[ci].slabs.read(p, \.inuse) == 0 && slab.caches[ci].partial.count >= slab.caches[ci].minPartial {
                moveSlab(ci, pfn: p, to: .none, tail: false)
                discard.append(p)
            } else {
                moveSlab(ci, pfn: p, to: .partial, tail: true)
            }
        }
        for p in discard { discardSlab(ci, pfn: p) }
    }

    /// deactivate_slab(): the CPU slab goes back to the node (discarded if empty above min_partial).
    mutating func deactivateSlab(_ ci: Int, cpu: Int) {
        guard let pfn = slab.caches[ci].cpuSlab[cpu], let s = slab.caches[ci].slabs[pfn] else { return }
        if s.inuse == 0 && slab.caches[ci].partial.count >= slab.caches[ci].minPartial {
            discardSlab(ci, pfn: pfn)
        } else if !s.freelist.isEmpty {
            moveSlab(ci, pfn: pfn, to: .partial, tail: false)
        } else {
            moveSlab(ci, pfn: pfn, to: .none, tail: false)
        }
    }

    /// free_to_partial_list(): the debug path, under the node lock.
    mutating func slubFreeDebug(_ ci: Int, pfn: Int, index: Int) {
        guard let prior = slab.caches[ci].slabs.read(pfn, { !$0.freelist.isEmpty }) else { return }
        putObject(ci, pfn: pfn, index: index)
        let empty = slab.caches[ci].slabs.read(pfn, \.inuse) == 0 && slab.caches[ci].partial.count >= slab.caches[ci].minPartial
        if empty {
            discardSlab(ci, pfn: pfn)
        } else if !prior {
            moveSlab(ci, pfn: pfn, to: .partial, tail: true)
        }
    }

    /// flush_all() for one cache: every CPU slab deactivated, every CPU partial list unfrozen; SLAB drains the
    /// per-CPU and shared arrays back to the slabs.
    mutating func flushCPUCaches(_ ci: Int) {
        switch slab.kind {
        case .slub:
            for cpu in slab.caches[ci].cpuSlab.indices {
                deactivateSlab(ci, cpu: cpu)
                let list = slab.caches[ci].cpuPartialList[cpu]
                if !list.isEmpty { unfreezePartials(ci, list) }
            }
        case .slab:
            for cpu in slab.caches[ci].arrays.indices where !slab.caches[ci].arrays[cpu].isEmpty {
                let entries = slab.caches[ci].arrays[cpu]
                slab.caches[ci].arrays[cpu].removeAll()
                freeBlock(ci, entries)
            }
            if !slab.caches[ci].sharedArray.isEmpty {
                let entries = slab.caches[ci].sharedArray
                slab.caches[ci].sharedArray.removeAll()
                freeBlock(ci, entries)
            }
        }
    }
}
