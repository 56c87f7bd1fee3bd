import KernelMM

/// `save FILE` / `load FILE` / `kmemsim --load FILE`: the whole session as a versioned JSON document — the machine
/// (boot parameters, frames as runs, zones, caches and slabs, vmalloc areas, tasks, CPUs and their contexts, per-CPU
/// data, kernel log, trace, clock) and the named results. Kernel C definitions (structs, functions, modules) and the
/// undo history are not part of it.
enum SessionDocument {
    static let format = "kmemsim-session"
    /// 3: memblock regions carry a `MemblockPurpose` and slab reports in the log are typed (`SlabReport`,
    /// `SlubProblem`…) instead of text (issue 10); a version-2 file is refused by its version, not by a field.
    /// 4: the kmalloc, kmem_cache and vmap_area trace events are typed (`TraceEvent.Kind.kmalloc`…), not text.
    /// 5: the free lists and per-CPU lists are saved apart from the zones (`freeLists`, `pcpLists`), and a pcp list
    /// links its blocks through their frames, as the kernel's page->pcp_list does.
    static let version = 5

    /// Why a file cannot be loaded; worded by `Message.loadRefused`.
    enum Problem: Error, Equatable {
        case unreadable(String)
        case syntax(JSONSyntaxError)
        case notASession
        case otherVersion(Int)
        case schema(path: String, detail: String)
        case boot(BootError)
        case layout(SavedStateProblem)
        case inconsistent([InvariantViolation])
    }

    static func text(_ s: ShellSession) throws(CommandError) -> String {
        let kernel: JSONValue
        do { kernel = try SaveEncoder.encode(s.kernel) } catch { throw .io("\(error)") }
        var vars: [JSONValue] = []
        for name in s.variables.keys.sorted() {
            guard let v = s.variables[name], let j = try? SaveEncoder.encode(v) else { continue }
            vars.append(.object([("name", .string(name)), ("value", j)]))
        }
        return JSONValue.object([
            ("format", .string(format)), ("version", .int(version)),
            ("kernel", kernel), ("variables", .array(vars)), ("commands", .int(s.commandSerial)),
        ]).text()
    }

    /// Reads and checks a saved session completely (syntax, format, version, every field, the layout against a fresh
    /// boot, then every invariant); nothing is changed here.
    static func read(_ text: String) throws(Problem) -> (kernel: Kernel, variables: [String: ShellValue], commands: Int) {
        let json: JSONValue
        do throws(JSONSyntaxError) { json = try JSONParser.parse(text) } catch { throw .syntax(error) }
        guard case .object(let top) = json, case .string(let f)? = top.first(where: { $0.0 == "format" })?.1, f == format else {
            throw .notASession
        }
        guard let v = top.first(where: { $0.0 == "version" })?.1 else { throw .schema(path: "version", detail: "missing") }
        guard case .int(let n) = v else { throw .schema(path: "version", detail: "whole number") }
        guard n == version else { throw .otherVersion(Int(n)) }
        let kernel: Kernel
        var variables: [String: ShellValue] = [:]
        do {
            guard let k = top.first(where: { $0.0 == "kernel" })?.1 else { throw Problem.schema(path: "kernel", detail: "missing") }
            kernel = try SaveDecoder.decode(Kernel.self, from: k)
            guard case .array(let vs)? = top.first(where: { $0.0 == "variables" })?.1 else { throw Problem.schema(path: "variables", detail: "missing") }
            for (i, entry) in vs.enumerated() {
                let item = try SaveDecoder.decode(SavedVariable.self, from: entry)
                guard !item.name.isEmpty, item.name.allSatisfy(LineParser.isWordChar) else {
                    throw Problem.schema(path: "variables[\(i)].name", detail: item.name)
                }
                variables[item.name] = item.value
            }
        } catch let p as Problem {
            throw p
        } catch let e as BootError {
            throw .boot(e)
        } catch let e as SavedStateProblem {
            throw .layout(e)
        } catch let e as DecodingError {
            throw describe(e)
        } catch {
            throw .schema(path: "kernel", detail: "\(error)")
        }
        let breaks = kernel.invariantViolations()
        guard breaks.isEmpty else { throw .inconsistent(breaks) }
        // How many commands ran (the learner's functions are kmemsim_cmd_N); absent in hand-written files: 0.
        var commands = 0
        if let c = top.first(where: { $0.0 == "commands" })?.1 {
            guard case .int(let n) = c, n >= 0, n < Int(Int32.max) else { throw .schema(path: "commands", detail: "a whole number ≥ 0") }
            commands = Int(n)
        }
        return (kernel, variables, commands)
    }

    struct SavedVariable: Codable {
        var name: String
        var value: ShellValue
    }

    static func path(_ p: [any CodingKey]) -> String {
        var s = ""
        for k in p {
            if k.intValue != nil, k.stringValue.hasPrefix("[") { s += k.stringValue } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
        }
        return s.isEmpty ? "kernel" : "kernel." + s
    }

    static func describe(_ e: DecodingError) -> Problem {
        switch e {
        case .keyNotFound(let k, let c): .schema(path: path(c.codingPath + [k]), detail: "missing")
        case .typeMismatch(_, let c): .schema(path: path(c.codingPath), detail: c.debugDescription)
        case .valueNotFound(_, let c): .schema(path: path(c.codingPath), detail: c.debugDescription)
        case .dataCorrupted(let c): .schema(path: path(c.codingPath), detail: c.debugDescription)
        @unknown default: .schema(path: "kernel", detail: "\(e)")
        }
    }
}

extension ShellSession {
    /// `save FILE`: the session as JSON, written atomically.
    func save(to path: String, force: Bool) throws(CommandError) -> Int {
        let text = try SessionDocument.text(self)
        try FileOutput.write(text, to: path, kind: .session, force: force, language: language, in: files)
        return text.utf8.count
    }

    /// `load FILE`: replaces the machine and the variables only when the whole file has been checked.
    public mutating func load(from path: String) throws(CommandError) {
        let text: String
        do throws(CommandError) { text = try FileOutput.readText(path, language: language == .ko ? .ko : .en, in: files) } catch {
            throw .localized(.loadRefused(path, .unreadable("\(error.message(language))")))
        }
        let loaded: (kernel: Kernel, variables: [String: ShellValue], commands: Int)
        do throws(SessionDocument.Problem) { loaded = try SessionDocument.read(text) } catch {
            throw .localized(.loadRefused(path, error))
        }
        reboot(loaded.kernel)
        variables = loaded.variables
        // The next command continues the saved session's numbering (its functions are kmemsim_cmd_N).
        commandSerial = loaded.commands
    }
}
