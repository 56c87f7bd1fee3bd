import KernelMM

/// Everything that can be wrong with a command line. Rendered in one place (`message`); the kernel's own
/// complaints about misuse are not errors but `KernelReport`s.
public enum CommandError: Error, Equatable, Sendable {
    case unknownCommand(String, suggestion: String?)
    case unknownGFPFlag(String, suggestion: String?)
    case removedGFPFlag(String, replacement: String)
    case badGFPExpression(String, detail: String)
    case badNumber(String, what: String)
    case missingArgument(command: String, argument: String, usage: String)
    case tooManyArguments(command: String, usage: String)
    case unknownVariable(String, known: [String])
    case wrongValueType(argument: String, expected: String, got: String)
    case badArgument(argument: String, value: String, reason: String)
    case unbalanced(String)
    case unknownProcFile(String, known: [String])
    case unknownHelpTopic(String, suggestion: String?)
    case bootFailed(BootError)
    /// An expression that does not parse or evaluate; the column counts from 1 in the whole line.
    case badQuery(String, column: Int)
    case io(String)
    case other(String)
    /// The simulated kernel refused the operation (its report says why); nothing changed.
    case refused(String)

    /// The one place errors become words: what is wrong, then how to fix it.
    public var message: String {
        switch self {
        case .unknownCommand(let c, let s):
            return "unknown command '\(c)'" + (s.map { "; did you mean \($0)?" } ?? "; type 'help' for the list")
        case .unknownGFPFlag(let f, let s):
            return "unknown gfp flag '\(f)'" + (s.map { "; did you mean \($0)?" } ?? "; 'help gfp' lists them")
        case .removedGFPFlag(let f, let r):
            return "\(f) no longer exists in Linux 6.6; use \(r)"
        case .badGFPExpression(let e, let d):
            return "cannot read gfp mask '\(e)': \(d)"
        case .badNumber(let t, let w):
            return "'\(t)' is not a valid \(w)" + (w.contains("size") ? " (e.g. 4096, 0x1000, 4K, 2M)" : " (decimal or 0x hex)")
        case .missingArgument(let c, let a, let u):
            return "\(c): missing \(a); usage: \(u)"
        case .tooManyArguments(let c, let u):
            return "\(c): too many arguments; usage: \(u)"
        case .unknownVariable(let v, let known):
            return "no variable $\(v)" + (known.isEmpty ? "; name a result with 'p = alloc_pages GFP_KERNEL 0'" : "; defined: " + known.map { "$" + $0 }.joined(separator: " "))
        case .wrongValueType(let a, let e, let g):
            return "\(a) must be \(e), but the value is \(g)"
        case .badArgument(let a, let v, let r):
            return "\(a) '\(v)': \(r)"
        case .unbalanced(let l):
            return "unbalanced parentheses in '\(l)'"
        case .unknownProcFile(let f, let k):
            return "no such file '\(f)'; kmemsim has: " + k.joined(separator: " ")
        case .unknownHelpTopic(let t, let s):
            return "no help for '\(t)'" + (s.map { "; did you mean \($0)?" } ?? "; type 'help' for the list")
        case .bootFailed(let e):
            return "cannot boot: " + Self.bootMessage(e)
        case .badQuery(let m, let c):
            return "\(m) (column \(c))"
        case .refused(let c):
            return "\(c): the kernel refused it (see its report above); nothing changed"
        case .io(let m), .other(let m):
            return m
        }
    }

    static func bootMessage(_ e: BootError) -> String {
        switch e {
        case .memoryTooSmall(let r, let m): "mem=\(Format.bytes(r)) is too small; kmemsim needs at least \(Format.bytes(m))"
        case .memoryTooLarge(let r, let m, let a): "mem=\(Format.bytes(r)) is more than \(a.rawValue) supports here (at most \(Format.bytes(m)))"
        case .memoryNotPageAligned(let r, let p): "mem=\(r) is not a multiple of the \(p)-byte page size"
        case .badCPUCount(let n, let m): "cpus=\(n): choose 1 to \(m)"
        case .badMinFreeKbytes(let n): "min_free_kbytes=\(n): the kernel accepts 128 to 262144"
        case .badSlabDebug(let v, let r): "slab_debug=\(v): \(r)"
        }
    }
}

/// Closest candidate by edit distance, for "did you mean …?".
enum Suggest {
    static func closest(_ word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, c.lowercased())
            if let b = best, d >= b.1 { continue }
            best = (c, d)
        }
        guard let (c, d) = best else { return nil }
        // Accept up to a third of the word (at least 2) as typos; a prefix match always counts.
        if d <= max(2, w.count / 3) || c.lowercased().hasPrefix(w) || (c.count >= 3 && w.hasPrefix(c.lowercased())) { return c }
        return nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
