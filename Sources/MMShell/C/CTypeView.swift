import KernelMM

/// `ptype`: a type's size, and a struct's members with offsets, sizes, holes and padding as pahole prints them.
extension ShellSession {
    mutating func ptype(_ text: String) throws(CommandError) -> CommandOutput {
        let lang = lessons.language
        var lexer = CLexer(text, file: "ptype")
        let type: CType
        do throws(CError) {
            var p = CParser(tokens: try lexer.tokenize(), arch: kernel.arch)
            type = try p.typeName()
            guard p.tok.kind == .end else { throw CError(.expected("end of the type", found: p.describe(p.tok)), at: p.tok.start) }
        } catch {
            throw .other(CMessages.render(error, file: "ptype", source: text, prefix: "", lang: lang).trimmingWhitespace())
        }
        let layout = CTypeLayout(arch: kernel.arch, kernel: kernel, declared: c.structs)
        do throws(CErrorKind) {
            if case .structure(let name, let isUnion) = type {
                let l = try layout.layout(name, isUnion: isUnion)
                return CommandOutput(value: .int(l.size), text: Self.pahole(l, layout, lang))
            }
            let size = try layout.size(type)
            return CommandOutput(value: .int(size), text: "type = \(type.spelling)  /* size: \(size), \(kernel.arch.rawValue) */\n")
        } catch {
            throw .other(CMessages.error(error, lang))
        }
    }

    static func pahole(_ l: CStructLayout, _ layout: CTypeLayout, _ lang: LessonLanguage) -> String {
        let kw = l.isUnion ? "union" : "struct"
        if l.opaque {
            let what = Message.opaqueStructComment.text(lang)
            return "\(kw) \(l.name) {\n\t/* \(what) */\n\n\t/* size: \(l.size), cachelines: \((l.size + 63) / 64) */\n};\n"
        }
        var out = "\(kw) \(l.name) {\n"
        var end = 0, holes = 0, holeBytes = 0, sum = 0
        for f in l.fields {
            if !l.isUnion, f.offset > end {
                let h = f.offset - end
                holes += 1
                holeBytes += h
                out += "\n\t/* XXX \(h) byte\(h == 1 ? "" : "s") hole, try to pack */\n\n"
            }
            let decl = f.type.declaration(f.name) + ";"
            out += "\t" + decl.padding(toLength: 40) + "/* " + String(f.offset).leftPadded(5) + " " + String(f.size).leftPadded(5) + " */\n"
            end = max(end, f.offset + f.size)
            sum += f.size
        }
        out += "\n\t/* size: \(l.size), cachelines: \((l.size + 63) / 64), members: \(l.fields.count) */\n"
        if holes > 0 { out += "\t/* sum members: \(sum), holes: \(holes), sum holes: \(holeBytes) */\n" }
        if !l.isUnion, l.size > end { out += "\t/* padding: \(l.size - end) */\n" }
        if l.size % 64 != 0 { out += "\t/* last cacheline: \(l.size % 64) bytes */\n" }
        return out + "};\n"
    }
}
