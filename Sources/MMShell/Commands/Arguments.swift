import KernelMM

/// One argument's value, decoded from its text by the kind the command table declares, before the command runs.
public enum ArgumentValue: Sendable, Equatable {
    case gfp(GFPFlags)
    /// `.number` and `.order` arguments.
    case number(Int)
    case size(UInt64)
    /// `.address` and `.addressOrPage` arguments.
    case address(UInt64)
    /// A struct page *, or NULL.
    case page(PFN?)
    /// Names, words, paths, `key=value`, text: as typed.
    case word(String)
}

/// A command's arguments, decoded (`ArgumentDecoder`) before it runs: its positional values by their declared kinds,
/// and its options. An accessor that reads an argument as another kind than the table declares is a bug in the table,
/// reported as `CommandError.argumentKindMismatch` (the tests run every command so that none is left).
public struct Arguments: Sendable {
    /// The command that runs: the sub-command when the line named one (`lesson start`).
    public let command: CommandSpec
    /// The positional words as typed, options taken out.
    public let raw: [String]
    /// The text after the command word, as typed.
    public let rest: String
    let variables: [String: ShellValue]
    /// The whole input line, so that errors inside an expression can give the column in the line.
    public var line: String = ""
    /// raw, decoded: one value per positional word (trailing words of a `.text` argument stay words).
    let values: ArgumentValues
    /// The options given, in order, with their decoded values (nil for a flag).
    let options: [(name: String, value: ArgumentValue?)]

    public var count: Int { raw.count }
    public func has(_ i: Int) -> Bool { i < raw.count }

    func spec(_ i: Int) -> ArgumentSpec { ArgumentDecoder.spec(command, i) }

    /// The decoded value of argument `i`, checking that the table declares it as one of `kinds`.
    private func value(_ i: Int, _ read: ArgumentRead) throws(CommandError) -> ArgumentValue {
        // The kind was noted when the value was decoded: the usual read is one compare, not a copy of the spec.
        if let e = values[i], read.reads(decodedAs: e.read) { return e.value }
        let s = spec(i)
        guard read.reads(s.kind) else {
            throw .argumentKindMismatch(command: command.name, argument: s.name.uppercased(), declared: ArgumentRead.name(of: s.kind), read: read.rawValue)
        }
        guard let e = values[i] else {
            throw .missingArgument(command: command.name, argument: s.name.uppercased(), usage: command.usage)
        }
        return e.value
    }

    /// A variable's value, for arguments written `$name`.
    func variable(_ t: String) throws(CommandError) -> ShellValue? { try ArgumentDecoder.variable(t, variables) }

    public func string(_ i: Int) throws(CommandError) -> String {
        guard case .word(let w) = try value(i, .word) else { return raw[i] }
        return w
    }
    public func string(_ i: Int, default d: String) throws(CommandError) -> String { has(i) ? try string(i) : d }

    public func gfp(_ i: Int) throws(CommandError) -> GFPFlags {
        guard case .gfp(let g) = try value(i, .gfp) else { return [] }
        return g
    }

    public func int(_ i: Int) throws(CommandError) -> Int {
        guard case .number(let n) = try value(i, .number) else { return 0 }
        return n
    }
    public func int(_ i: Int, default d: Int) throws(CommandError) -> Int { has(i) ? try int(i) : d }

    /// An order: a small non-negative number (the allocator itself reports orders above MAX_ORDER).
    public func order(_ i: Int) throws(CommandError) -> Int {
        guard case .number(let n) = try value(i, .order) else { return 0 }
        return n
    }

    public func size(_ i: Int) throws(CommandError) -> UInt64 {
        guard case .size(let n) = try value(i, .size) else { return 0 }
        return n
    }

    /// An address: a number, or a variable holding an address (a page's address is not accepted silently).
    public func address(_ i: Int) throws(CommandError) -> UInt64 {
        guard case .address(let a) = try value(i, .address) else { return 0 }
        return a
    }

    /// A struct page *: `$p`, a struct page address, or a PFN given as `pfn:0x1234` or a plain number; nil is NULL.
    public func page(_ i: Int) throws(CommandError) -> PFN? {
        guard case .page(let p) = try value(i, .page) else { return nil }
        return p
    }

    /// Whether option `name` (a flag, or one with a value) was given.
    public func has(option name: String) -> Bool { options.contains { $0.name == name } }

    /// The value of option `name`, if given (the last one wins, as with most tools).
    func option(_ name: String) -> ArgumentValue? { options.last { $0.name == name }?.value ?? nil }

    /// The text of option `name`'s value (a word-valued option).
    public func optionWord(_ name: String) -> String? {
        if case .word(let w)? = option(name) { return w }
        return nil
    }

    /// The number given with option `name`.
    public func optionNumber(_ name: String) -> Int? {
        if case .number(let n)? = option(name) { return n }
        return nil
    }
}

/// The decoded positional values, each with the accessor its declared kind is read by, the first two held in
/// place: most commands take one or two arguments, and an array for them was allocated and freed on every line.
struct ArgumentValues: Sendable {
    struct Entry: Sendable {
        var value: ArgumentValue
        var read: ArgumentRead
    }
    private var first: Entry?, second: Entry?
    private var more: [Entry] = []
    private(set) var count = 0

    mutating func append(_ v: ArgumentValue, readAs read: ArgumentRead) {
        let e = Entry(value: v, read: read)
        switch count {
        case 0: first = e
        case 1: second = e
        default: more.append(e)
        }
        count += 1
    }

    /// Entry i, for i < count.
    subscript(i: Int) -> Entry? {
        switch i {
        case 0: return first
        case 1: return second
        default: return i - 2 < more.count ? more[i - 2] : nil
        }
    }
}

/// Which accessor reads an argument, for the check against its declared kind.
enum ArgumentRead: String, Sendable {
    case gfp, number, order, size, address, page, word

    func reads(_ k: ArgumentKind) -> Bool {
        switch (self, k) {
        case (.gfp, .gfp), (.order, .order), (.size, .size), (.page, .page): true
        case (.number, .number), (.number, .order): true
        case (.address, .address), (.address, .addressOrPage): true
        case (.word, .name), (.word, .cacheName), (.word, .zone), (.word, .cacheSetting), (.word, .stackOwner), (.word, .word), (.word, .path), (.word, .procFile),
             (.word, .keyValue), (.word, .text): true
        default: false
        }
    }

    /// `reads(k)` for a kind k decoded for `d` (`decoded(k) == d`): the accessor of the kind itself, or `number` for
    /// an order.
    func reads(decodedAs d: ArgumentRead) -> Bool { self == d || (self == .number && d == .order) }

    /// The accessor a kind is decoded for.
    static func decoded(_ k: ArgumentKind) -> ArgumentRead {
        switch k {
        case .gfp: .gfp
        case .order: .order
        case .number: .number
        case .size: .size
        case .address, .addressOrPage: .address
        case .page: .page
        case .name, .cacheName, .zone, .cacheSetting, .stackOwner, .word, .path, .procFile, .keyValue, .text: .word
        }
    }

    static func name(of k: ArgumentKind) -> String {
        switch k {
        case .addressOrPage: "addressOrPage"
        case .name: "name"
        case .cacheName: "cacheName"
        case .zone: "zone"
        case .cacheSetting: "cacheSetting"
        case .stackOwner: "stackOwner"
        case .word: "word"
        case .path: "path"
        case .procFile: "procFile"
        case .keyValue: "keyValue"
        case .text: "text"
        default: decoded(k).rawValue
        }
    }
}
