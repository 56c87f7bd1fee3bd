/// Temporary high-memory mappings: kmap_local_page() / kunmap_local() and the older kmap_atomic() /
/// kunmap_atomic() (include/linux/highmem-internal.h, mm/highmem.c, CONFIG_KMAP_LOCAL). Each task keeps a small
/// stack of slots (current->kmap_ctrl); slot i of a task running on CPU c is the fixmap page
/// FIX_KMAP_BEGIN + i + KM_MAX_IDX × c. The mapping never sleeps, so it works in any context, but it pins the
/// task to its CPU (migrate_disable()) and must be undone in the reverse order. kmap_atomic() also disables
/// preemption and page faults.
extension Kernel {
    /// kmap_local_page(page), or kmap_atomic(page) when `atomic` (preempt_disable() and pagefault_disable() first).
    public mutating func kmapLocalPage(_ pfn: Int, atomic: Bool = false, caller: String = "kmap_local_page") -> KmapOutcome {
        clock.tick()
        let pid = curCPU.currentPID
        let mapsSlot = highmem.configured && isHighmem(pfn)
        let held = highmem.local[pid]?.count ?? 0
        if mapsSlot {
            if curCPU.inHardirq && !curCPU.irqsDisabled && log.firstTime("kmap_local_idx_push hardirq") {
                report(.warning(file: "mm/highmem.c", line: 466, function: "__kmap_local_pfn_prot"), taint: "W",
                       callTrace: ["__kmap_local_pfn_prot", "__kmap_local_page_prot", caller],
                       note: .highmem(.kmapLocalHardirqIRQsOn))
            }
            // kmap_local_idx_push(): idx += 1; BUG_ON(idx >= KM_MAX_IDX). The machine dies; nothing here changes.
            guard held + 1 < HighmemState.kmMaxIdx else {
                report(.kernelBug(file: "mm/highmem.c", line: 468, function: "__kmap_local_pfn_prot"), taint: "D",
                       callTrace: ["__kmap_local_pfn_prot", "__kmap_local_page_prot", caller],
                       note: .highmem(.kmapLocalTooDeep(held: held)))
                return .refused
            }
        }
        if atomic {
            preemptDisable(caller: caller)
            highmem.pagefaultDisabled[pid, default: 0] += 1
        }
        guard mapsSlot else { return directMapped(pfn) }
        highmem.local[pid, default: []].append(Int32(truncatingIfNeeded: pfn))
        highmem.recount()
        if explainEnabled {
            explain(.kmalloc(.kmapLocalSlot(slot: held, cpu: currentCPU, index: held + HighmemState.kmMaxIdx * currentCPU,
                                            address: HighmemState.localAddress(slot: held, cpu: currentCPU), atomic: atomic)))
        }
        return .mapped(address: HighmemState.localAddress(slot: held, cpu: currentCPU), how: .local(slot: held, cpu: currentCPU))
    }

    /// kunmap_local(addr), or kunmap_atomic(addr) when `atomic` (then pagefault_enable() and preempt_enable()).
    /// Any address inside the mapped page will do.
    public mutating func kunmapLocal(_ addr: UInt64, atomic: Bool = false, caller: String = "kunmap_local") -> KmapOutcome {
        clock.tick()
        let pid = curCPU.currentPID
        let page = addr & ~UInt64(pageSize - 1)
        var how = KmapHow.directMap
        var ignored = false
        if highmem.configured {
            if !HighmemState.localRange(nrCPUs: arch.nrCPUs).contains(page) {
                // Not a kmap_local slot: kmap_high_unmap_local() (not on x86) and WARN_ON_ONCE(addr < PAGE_OFFSET).
                if page < arch.pageOffset {
                    ignored = true
                    if log.firstTime("kunmap_local user address") {
                        report(.warning(file: "mm/highmem.c", line: 605, function: "kunmap_local_indexed"), taint: "W",
                               callTrace: ["kunmap_local_indexed", caller], note: .highmem(.kunmapLocalNotKernel(address: addr)))
                    } else {
                        report(.kmemsimOnly, callTrace: ["kunmap_local_indexed", caller], note: .highmem(.kunmapLocalNotKernel(address: addr)))
                    }
                } else if let r = pkmapRange, r.contains(page) {
                    ignored = true
                    report(.kmemsimOnly, callTrace: ["kunmap_local_indexed", caller],
                           note: .highmem(.kunmapLocalOfPkmap(address: addr, entry: Int((page - r.lowerBound) >> UInt64(arch.pageShift)))))
                } else if directMapPFN(addr) == nil {
                    ignored = true
                    report(.kmemsimOnly, callTrace: ["kunmap_local_indexed", caller], note: .highmem(.kunmapLocalNotMapped(address: addr)))
                }
            } else {
                let stack = highmem.local[pid] ?? []
                guard let top = stack.indices.last else {
                    // idx is -1: the address check warns, then kmap_local_idx_pop() finds the index below 0.
                    if log.firstTime("kunmap_local_indexed order") {
                        report(.warning(file: "mm/highmem.c", line: 611, function: "kunmap_local_indexed"), taint: "W",
                               callTrace: ["kunmap_local_indexed", caller])
                    }
                    report(.kernelBug(file: "mm/highmem.c", line: 480, function: "kunmap_local_indexed"), taint: "D",
                           callTrace: ["kunmap_local_indexed", caller], note: .highmem(.kunmapLocalNothingMapped(address: addr)))
                    return .refused
                }
                let topAddress = HighmemState.localAddress(slot: top, cpu: currentCPU)
                if page != topAddress {
                    // WARN_ON_ONCE(addr != __fix_to_virt(FIX_KMAP_BEGIN + idx)), and then the top slot is cleared anyway.
                    let slot = stack.indices.first { HighmemState.localAddress(slot: $0, cpu: currentCPU) == page }
                    let warn = log.firstTime("kunmap_local_indexed order")
                    let note = HighmemNote.kunmapLocalOutOfOrder(address: addr, slot: slot, top: top, topAddress: topAddress,
                                                                 topPFN: Int(stack[top]), kernelWarned: warn)
                    if warn {
                        report(.warning(file: "mm/highmem.c", line: 611, function: "kunmap_local_indexed"), taint: "W",
                               callTrace: ["kunmap_local_indexed", caller], note: .highmem(note))
                    } else {
                        report(.kmemsimOnly, callTrace: ["kunmap_local_indexed", caller], note: .highmem(note))
                    }
                }
                highmem.local[pid]?.removeLast()
                if highmem.local[pid]?.isEmpty == true { highmem.local[pid] = nil }
                highmem.recount()
                how = .local(slot: top, cpu: currentCPU)
                if explainEnabled { explain(.kmalloc(.kunmapLocalSlot(slot: top, cpu: currentCPU, atomic: atomic))) }
            }
        } else if directMapPFN(addr) == nil {
            // Without HIGHMEM __kunmap_local() does nothing at all, whatever the address.
            ignored = true
            report(.kmemsimOnly, callTrace: [caller], note: .highmem(.kunmapLocalNotMapped(address: addr)))
        }
        if atomic {
            // pagefault_enable() does not check its count; kmemsim does.
            if let n = highmem.pagefaultDisabled[pid], n > 0 {
                highmem.pagefaultDisabled[pid] = n > 1 ? n - 1 : nil
            } else {
                report(.kmemsimOnly, callTrace: ["__kunmap_atomic", caller], note: .highmem(.kunmapAtomicWithoutKmapAtomic))
            }
            preemptEnable(caller: caller)
        }
        return ignored ? .ignored : .unmapped(how: how)
    }

    /// The kmemsim note for a block freed while kmap() or kmap_local_page() still maps one of its pages; the
    /// mapping stays, as the kernel's would (it does not check).
    mutating func noteFreedWhileMapped(pfn: Int, pages: Int) {
        let range = Int32(truncatingIfNeeded: pfn)..<Int32(truncatingIfNeeded: pfn + pages)
        let entry = highmem.pkmapPage.indices.first { range.contains(highmem.pkmapPage[$0]) && highmem.pkmapCount[$0] > 1 }
        let slots = highmem.local.values.reduce(0) { n, s in n + s.filter { range.contains($0) }.count }
        guard entry != nil || slots > 0 else { return }
        report(.kmemsimOnly, note: .highmem(.freedWhileMapped(pfn: pfn, pkmapEntry: entry, localSlots: slots)))
    }
}
