import KernelMM

/// insmod / rmmod / lsmod for module files written in kernel C. A module's init runs in the insmod task's process
/// context (load_module → do_init_module → do_one_initcall); rmmod runs its exit, then kmemsim scans what the
/// module's code allocated and is still allocated, as kmemleak would report it.
extension ShellSession {
    static func moduleName(_ path: String) -> String {
        var base = String(path.split(separator: "/").last ?? Substring(path))
        for ext in [".c", ".ko"] where base.hasSuffix(ext) { base = String(base.dropLast(ext.count)) }
        return String(base.map { $0 == "-" ? "_" : $0 })
    }

    mutating func insmod(_ path: String) throws(CommandError) -> CommandOutput {
        let lang = lessons.language
        let name = Self.moduleName(path)
        if c.modules.contains(where: { $0.name == name }) {
            throw .other(CModuleText.text(.alreadyLoaded(name), lang))
        }
        guard let source = FileOutput.read(path, in: files) else { throw .io(CModuleText.text(.cannotRead(path), lang)) }
        let unit: [CTopLevel]
        do throws(CError) { unit = try CParser.parse(source, file: path, arch: kernel.arch) } catch {
            throw .other(CMessages.render(error, file: path, source: source, prefix: "", lang: lang, label: false).trimmingWhitespace())
        }
        var module = CModule(name: name, file: path, size: source.utf8.count)
        var run = CRun(file: path, source: source)
        var statements: [CStmt] = []
        // First pass: functions and the module macros; everything else at file scope is a global declaration.
        for item in unit {
            switch item {
            case .function(var f):
                f.file = path
                module.functions[f.name] = f
            case .statement(let s):
                if case .expression(let e) = s.kind, case .call(let macro, let args) = e.kind, CBuiltins.moduleMacros.contains(macro) || macro == "DEFINE_SPINLOCK" {
                    let arg = args.first.map { a -> String in
                        switch a.kind {
                        case .identifier(let n): return n
                        case .string(let t): return t
                        default: return source.utf8Slice(a.start.offset, a.end.offset)
                        }
                    }
                    switch macro {
                    case "module_init": module.initFunction = arg
                    case "module_exit": module.exitFunction = arg
                    case "MODULE_LICENSE": module.license = arg
                    default: if macro == "DEFINE_SPINLOCK" { statements.append(s) }
                    }
                    continue
                }
                switch s.kind {
                case .declaration, .structDeclaration, .empty: statements.append(s)
                case .expression(let e) where { if case .call("DEFINE_PER_CPU", _) = e.kind { return true } else { return false } }():
                    statements.append(s)
                default:
                    throw .other(CMessages.render(CError(.moduleError(CModuleText.text(.statementAtFileScope, lang)), at: s.start),
                                                  file: path, source: source, prefix: "", lang: lang, label: false).trimmingWhitespace())
                }
            }
        }
        for (fn, what) in [(module.initFunction, "module_init"), (module.exitFunction, "module_exit")] {
            if let fn, module.functions[fn] == nil {
                throw .other(CModuleText.text(.missingFunction(what, fn), lang))
            }
        }
        c.modules.append(module)
        let index = c.modules.count - 1
        run.module = index
        var text = ""
        if module.license == nil {
            // kernel/module/main.c: a module without MODULE_LICENSE is treated as proprietary and taints the kernel.
            kernel.printk("\(name): module license 'unspecified' taints kernel.")
            // The printk above is shown with the kernel's messages; the text adds only kmemsim's note.
            text += CMessages.note(CModuleText.text(.noLicense, lang), lang)
        }
        var failure: String?
        do throws(CError) {
            for s in statements { _ = try cExec(s, &run) }
            guard let initName = module.initFunction, let f = c.modules[index].functions[initName] else {
                text += CModuleText.text(.loadedNoInit(name), lang) + "\n"
                return CommandOutput(value: .string(name), text: text)
            }
            text += CModuleText.text(.runningInit(name, initName, kernel.currentTask.comm, kernel.currentTask.pid), lang) + "\n"
            let r = try cCallFunction(f, [], &run, at: f.position)
            text += run.notes.map { CMessages.note($0, lang) }.joined() + run.stdout
            let rc = (try? cMath.bits(r)) ?? 0
            if rc != 0 {
                // do_init_module(): a failing init unloads the module; what it allocated stays allocated.
                let leaks = cLeaks(index)
                c.modules.remove(at: index)
                failure = text + CModuleText.text(.initFailed(name, initName, rc), lang) + "\n" + leaks
            } else {
                text += CModuleText.text(.loaded(name), lang) + "\n"
            }
        } catch {
            text += run.notes.map { CMessages.note($0, lang) }.joined() + run.stdout
            text += CMessages.render(error, file: path, source: source, prefix: "", lang: lang, label: false)
            // An oops in init leaves the module loaded but unusable in a real kernel; kmemsim unloads it so the
            // file can be fixed and loaded again, and says what it left allocated.
            let leaks = c.modules[index].allocations.isEmpty ? "" : cLeaks(index)
            c.modules.remove(at: index)
            failure = text + CModuleText.text(.initStopped(name), lang) + "\n" + leaks
        }
        if let failure {
            ranCodeBeforeFailing = true
            throw .other(failure.trimmingWhitespace())
        }
        return CommandOutput(value: .string(name), text: text)
    }

    mutating func rmmod(_ name: String) throws(CommandError) -> CommandOutput {
        let lang = lessons.language
        let n = Self.moduleName(name)
        guard let index = c.modules.firstIndex(where: { $0.name == n }) else {
            throw .other(CModuleText.text(.notLoaded(n, c.modules.map(\.name)), lang))
        }
        let module = c.modules[index]
        var text = ""
        var run = CRun(file: module.file, source: FileOutput.read(module.file, in: files) ?? "")
        run.module = index
        if let exitName = module.exitFunction, let f = module.functions[exitName] {
            do throws(CError) {
                _ = try cCallFunction(f, [], &run, at: f.position)
                text += run.notes.map { CMessages.note($0, lang) }.joined() + run.stdout
            } catch {
                text += run.stdout + CMessages.render(error, file: module.file, source: run.source, prefix: "", lang: lang, label: false)
            }
        } else if module.initFunction != nil {
            // kernel/module/main.c delete_module(): a module with init but no exit cannot be unloaded (-EBUSY).
            throw .other(CModuleText.text(.noExit(n), lang))
        }
        text += cLeaks(index)
        c.modules.remove(at: index)
        text += CModuleText.text(.unloaded(n), lang) + "\n"
        return CommandOutput(text: text)
    }

    /// What the module's code allocated and is still allocated: kmemleak's "unreferenced object" blocks, and
    /// (kmemleak does not track the page allocator) the pages it still holds.
    func cLeaks(_ index: Int) -> String {
        let lang = lessons.language
        let module = c.modules[index]
        var out = ""
        var count = 0, bytes = 0
        for a in module.allocations {
            guard let (addr, size, tracked, pfn) = stillAllocated(a) else { continue }
            count += 1
            bytes += size
            if tracked {
                out += "unreferenced object 0x\(String(addr, radix: 16)) (size \(size)):\n"
                out += "  comm \"insmod\", pid \(kernel.currentTask.pid)\n  backtrace:\n"
                out += "    \(a.call) at \(a.file):\(a.line)\n"
                for f in a.callers { out += "    \(f)() [\(module.name)]\n" }
            } else {
                out += CModuleText.text(.pagesLeaked(pfn ?? 0, size, a.call, a.function, "\(a.file):\(a.line)"), lang) + "\n"
            }
        }
        if count == 0 { return CModuleText.text(.noLeaks(module.name), lang) + "\n" }
        return out + CModuleText.text(.leakSummary(module.name, count, bytes), lang) + "\n"
    }

    /// (address, size, whether kmemleak tracks it, the first frame for pages) while the allocation is still allocated.
    func stillAllocated(_ a: CAllocation) -> (UInt64, Int, Bool, Int?)? {
        let k = kernel
        switch a.kind {
        case .pages(let p, let order):
            guard p.raw < k.frames.count, k.frames[p.raw].state == .allocated else { return nil }
            return (k.structPageAddress(p.raw), k.pageSize << order, false, p.raw)
        case .percpu(let ptr):
            guard let (ch, i) = k.percpuAllocation(at: ptr) else { return nil }
            return (ptr, k.percpu.chunks[ch].allocations[i].size, true, nil)
        case .address(let addr):
            if let loc = k.locateSlabObject(addr), let i = loc.index, loc.exact {
                let cache = k.slab.caches[loc.cacheIndex]
                guard let s = cache.slabs[loc.slabPFN], i < s.objects.count, s.objects[i] == .allocated else { return nil }
                return (addr, cache.objectSize, true, nil)
            }
            if k.isVmallocAddr(addr) {
                guard let i = k.vmalloc.index(containing: addr) else { return nil }
                let area = k.vmalloc.areas[i]
                return area.start == addr ? (addr, area.requested, true, nil) : nil
            }
            if let pfn = k.directMapPFN(addr), k.frames[pfn].state == .allocated, k.frames[pfn].owner != .slab {
                return (addr, k.pageSize << Int(k.frames[pfn].order), false, pfn)
            }
            return nil
        }
    }

    /// lsmod: Module, Size (bytes of its C source: kmemsim runs the source, there is no object code), Used by.
    func lsmod() -> String {
        var out = "Module                  Size  Used by\n"
        for m in c.modules.reversed() {
            out += m.name.padding(toLength: 19) + String(m.size).leftPadded(9) + "  0\n"
        }
        return out
    }
}

extension String {
    func padding(toLength n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
