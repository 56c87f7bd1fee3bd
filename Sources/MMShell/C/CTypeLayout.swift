import KernelMM

/// Sizes and alignments per architecture (LP64 on x86_64 and sparc64, ILP32 on i386) and struct layout with the
/// ABI's padding: each member at the next multiple of its alignment, the size rounded up to the largest alignment.
struct CTypeLayout {
    let arch: Architecture
    let kernel: Kernel
    /// Structs the learner declared, by tag.
    let declared: [String: CStructDecl]

    var pointerSize: Int { arch.is64Bit ? 8 : 4 }

    func scalar(_ k: CType.IntKind) -> (size: Int, align: Int) {
        switch k {
        case .char: (1, 1)
        case .short: (2, 2)
        case .int: (4, 4)
        case .long: (pointerSize, pointerSize)
        // The i386 System V ABI aligns long long (and double) to 4 inside structs.
        case .longLong: (8, arch.longLongAlignment)
        }
    }

    func size(_ t: CType) throws(CErrorKind) -> Int { try sizeAlign(t).size }

    func sizeAlign(_ t: CType, depth: Int = 0) throws(CErrorKind) -> (size: Int, align: Int) {
        switch t {
        case .void: throw .sizeofVoid
        case .bool: return (1, 1)
        case .integer(let k, _): return scalar(k)
        case .pointer: return (pointerSize, pointerSize)
        case .function(let n): throw .sizeofFunction(n)
        case .array(let e, let n):
            let (s, a) = try sizeAlign(e, depth: depth)
            return (s * n, a)
        case .structure(let name, let isUnion):
            let l = try layout(name, isUnion: isUnion, depth: depth + 1)
            return (l.size, l.align)
        }
    }

    func layout(_ name: String, isUnion: Bool = false, depth: Int = 0) throws(CErrorKind) -> CStructLayout {
        guard depth < 32 else { throw .recursiveStruct(name) }
        if let d = declared[name] ?? CKernelStructs.declared(name, arch: arch) {
            var offset = 0, maxAlign = 1, size = 0
            var fields: [CField] = []
            for m in d.members {
                if case .structure(let inner, _) = m.type, inner == name { throw .recursiveStruct(name) }
                let (s, a) = try sizeAlign(m.type, depth: depth)
                maxAlign = max(maxAlign, a)
                if d.isUnion {
                    fields.append(CField(name: m.name, type: m.type, offset: 0, size: s))
                    size = max(size, s)
                } else {
                    offset = (offset + a - 1) / a * a
                    fields.append(CField(name: m.name, type: m.type, offset: offset, size: s))
                    offset += s
                    size = offset
                }
            }
            size = (size + maxAlign - 1) / maxAlign * maxAlign
            return CStructLayout(name: name, isUnion: d.isUnion, size: size, align: maxAlign, fields: fields, opaque: false)
        }
        if let (s, a) = CKernelStructs.opaqueSize(name, kernel: kernel) {
            return CStructLayout(name: name, isUnion: false, size: s, align: a, fields: [], opaque: true)
        }
        throw .incompleteStruct(name, known: (declared.keys.sorted() + CKernelStructs.knownNames(arch: arch)))
    }

    func offsetof(_ name: String, member: String) throws(CErrorKind) -> Int {
        let l = try layout(name)
        guard !l.opaque else { throw .opaqueStruct(name) }
        guard let f = l.fields.first(where: { $0.name == member }) else {
            throw .noSuchMember(struct: name, member: member, members: l.fields.map(\.name))
        }
        return f.offset
    }
}
