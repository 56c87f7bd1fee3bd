/// Every sentence the C interpreter says, in English and Korean (kernel identifiers stay English).
enum CMessages {
    enum Note: Sendable {
        case removedSlabFlag(String)
        case structRedefined(String)
        case bugOn(String)
        case moduleMacroAtPrompt(String)
        case skippedDirective(String)
        case bootCache(String)
    }

    static func text(_ n: Note, _ lang: LessonLanguage) -> String {
        switch (n, lang) {
        case (.removedSlabFlag(let why), .en): return why
        case (.removedSlabFlag(let why), .ko): return koRemovedFlag[why] ?? why
        case (.structRedefined(let s), .en): return "struct \(s) is redefined; the new layout replaces the old one"
        case (.structRedefined(let s), .ko): return "struct \(s)의 정의가 바뀌었습니다. 새 배치가 이전 배치를 대신합니다"
        case (.bugOn(let c), .en): return "BUG_ON(\(c)) fired: the kernel would oops here and kill the task; kmemsim stops the code"
        case (.bugOn(let c), .ko): return "BUG_ON(\(c))의 조건이 참입니다. 실제 커널은 여기서 oops를 내고 태스크를 죽입니다. kmemsim은 코드 실행을 멈춥니다"
        case (.moduleMacroAtPrompt(let m), .en): return "\(m)() belongs in a module file; write the module to a file and load it with 'insmod FILE.c'"
        case (.moduleMacroAtPrompt(let m), .ko): return "\(m)() 매크로는 모듈 파일에 씁니다. 모듈을 파일로 저장한 뒤 'insmod FILE.c'로 올리세요"
        case (.bootCache(let n), .en): return "the \(n) cache already exists: the kernel made it at boot with this very call (kmem_cache_init, fork_init, vfs_caches_init); the pointer now names that cache ('slab \(n)' shows it)"
        case (.bootCache(let n), .ko): return "\(n) 캐시는 이미 있습니다. 커널이 부팅할 때 바로 이 호출로 만들었습니다(kmem_cache_init, fork_init, vfs_caches_init). 포인터는 이제 그 캐시를 가리킵니다('slab \(n)'으로 볼 수 있습니다)"
        case (.skippedDirective(let d), .en): return "#\(d) is not evaluated (kmemsim has no preprocessor beyond #include and #define); the lines under it all run"
        case (.skippedDirective(let d), .ko): return "#\(d) 지시문은 처리하지 않습니다(kmemsim의 전처리기는 #include와 #define만 압니다). 그 아래 줄은 모두 실행됩니다"
        }
    }

    static let koRemovedFlag: [String: String] = [
        CConstants.removedSlabFlags[0].why: "SLAB_NOTRACK은 Linux 4.15에서 kmemcheck와 함께 없어졌습니다. 6.6에는 이 플래그가 없으므로 kmemsim은 0으로 읽습니다",
        CConstants.removedSlabFlags[1].why: "SLAB_DESTROY_BY_RCU는 Linux 4.12에서 SLAB_TYPESAFE_BY_RCU로 이름이 바뀌었습니다. kmemsim은 0으로 읽습니다(SLAB_TYPESAFE_BY_RCU를 쓰세요)",
        CConstants.removedSlabFlags[2].why: "SLAB_DEBUG_FREE는 Linux 4.6에서 SLAB_CONSISTENCY_CHECKS로 이름이 바뀌었습니다. kmemsim은 0으로 읽습니다",
        CConstants.removedSlabFlags[3].why: "SLAB_MUST_HWCACHE_ALIGN은 Linux 2.6.20에서 없어졌습니다. kmemsim은 0으로 읽습니다(SLAB_HWCACHE_ALIGN을 쓰세요)",
    ]

    static func error(_ k: CErrorKind, _ lang: LessonLanguage) -> String {
        let ko = lang == .ko
        switch k {
        case .unexpectedCharacter(let c):
            return ko ? "C 코드에 올 수 없는 문자 '\(c)'입니다" : "stray '\(c)' in the C code"
        case .unterminatedComment:
            return ko ? "/* 주석이 */로 닫히지 않았습니다" : "unterminated /* comment: close it with */"
        case .unterminatedString:
            return ko ? "문자열이나 문자 상수가 닫히지 않았습니다(따옴표를 같은 줄에서 닫으세요)" : "missing terminating quote: close the string on the same line"
        case .badNumber(let s):
            return ko ? "'\(s)'는 올바른 정수 상수가 아닙니다" : "'\(s)' is not a valid integer constant"
        case .badDirective(let s):
            return ko ? "전처리 지시문 '#\(s)'를 읽을 수 없습니다" : "cannot read the directive '#\(s)'"
        case .functionMacro(let n):
            return ko ? "함수 형태의 매크로 \(n)(…)는 모델링하지 않습니다. 함수로 쓰세요" : "function-like macro \(n)(…) is not modelled; write it as a function"
        case .expected(let what, let found):
            return ko ? "\(found) 앞에 다음이 와야 합니다: \(what)" : "expected \(what) before \(found)"
        case .expectedExpression(let found):
            return ko ? "\(found) 앞에 식이 와야 합니다" : "expected an expression before \(found)"
        case .expectedType(let found):
            return ko ? "\(found) 앞에 타입이 와야 합니다" : "expected a type before \(found)"
        case .notModelledSyntax(let what):
            return ko ? "kmemsim의 C에서 지원하지 않는 문법입니다: \(what)" : "kmemsim's C does not model \(what)"
        case .undeclared(let n, let s):
            let hint = s.map { ko ? " 비슷한 이름: '\($0)'." : "; did you mean '\($0)'?" } ?? ""
            return ko ? "선언되지 않은 이름입니다: '\(n)'.\(hint)" : "'\(n)' undeclared (first use here)\(hint)"
        case .redeclared(let n):
            return ko ? "이미 선언된 이름입니다: '\(n)'" : "redeclaration of '\(n)'"
        case .notAFunction(let n):
            return ko ? "함수가 아닙니다: '\(n)'" : "'\(n)' is not a function"
        case .unmodelledFunction(let n, let s):
            let hint = s.map { ko ? " 비슷한 이름: '\($0)'" : "; did you mean \($0)()?" } ?? ""
            return ko ? "kmemsim이 모델링하지 않는 함수입니다: \(n)().\(hint) 모델링하는 함수는 'help'에서 C 선언이 있는 명령(할당 API, preempt/irq/spin_lock, per-CPU)과 printk, IS_ERR, BUG_ON 같은 매크로입니다"
                      : "kmemsim does not model \(n)()\(hint). What it models: the commands with a C declaration in 'help' (the allocation API, preempt/irq/spin_lock, per-CPU), and printk, IS_ERR, BUG_ON and the module macros"
        case .wrongArgumentCount(let f, let e, let g):
            return ko ? "\(f)()의 인자 개수가 맞지 않습니다: \(e)개를 받는데 \(g)개를 넘겼습니다" : "\(f)() takes \(e) argument\(e == 1 ? "" : "s"), \(g) given"
        case .dereference(let what):
            return ko ? "메모리 역참조는 모델링하지 않습니다: \(koDeref(what))" : "dereferencing memory is not modelled: \(what)"
        case .sizeofVoid:
            return ko ? "void에는 크기가 없습니다" : "invalid application of 'sizeof' to a void type"
        case .sizeofFunction(let n):
            return ko ? "함수 \(n)에는 sizeof를 쓸 수 없습니다" : "invalid application of 'sizeof' to the function \(n)"
        case .incompleteStruct(let n, let known):
            return ko ? "struct \(n)의 정의를 모릅니다. 먼저 'struct \(n) { … };'로 선언하세요. 알고 있는 struct: \(known.joined(separator: ", "))"
                      : "struct \(n) is not defined: declare it first ('struct \(n) { … };'). Known structs: \(known.joined(separator: ", "))"
        case .opaqueStruct(let n):
            return ko ? "struct \(n)에 대해서는 크기만 압니다(부트 캐시의 object_size). 멤버 배치는 모델링하지 않습니다"
                      : "struct \(n) is known by its size only (its boot cache's object_size); its members are not modelled"
        case .noSuchMember(let s, let m, let ms):
            return ko ? "struct \(s)에는 '\(m)' 멤버가 없습니다. 멤버: \(ms.joined(separator: ", "))" : "struct \(s) has no member named '\(m)'; members: \(ms.joined(separator: ", "))"
        case .recursiveStruct(let n):
            return ko ? "struct \(n) 안에 자기 자신이 값으로 들어 있습니다. 포인터(struct \(n) *)를 쓰세요" : "struct \(n) contains itself; use a pointer (struct \(n) *)"
        case .notAssignable(let what):
            return ko ? "\(what)에는 값을 대입할 수 없습니다" : "cannot assign to \(what)"
        case .divisionByZero:
            return ko ? "0으로 나누었습니다" : "division by zero"
        case .badOperands(let op, let l, let r):
            return ko ? "'\(op)'의 피연산자(\(l), \(r))가 맞지 않습니다" : "invalid operands to '\(op)' (\(l) and \(r))"
        case .stepLimit(let n):
            return ko ? "\(n)단계를 넘게 실행해서 멈췄습니다(끝나지 않는 반복문?). 여기까지의 커널 상태는 그대로 남아 있습니다"
                      : "stopped after \(n) steps (a loop that does not end?); the kernel keeps the state it reached"
        case .callDepth(let n):
            return ko ? "함수 호출이 \(n)단계를 넘었습니다(끝나지 않는 재귀?). 실제 커널이라면 커널 스택이 넘쳤을 것입니다"
                      : "calls nested more than \(n) deep (runaway recursion?); a real kernel would overflow its stack"
        case .nestedTooDeeply(let n):
            return ko ? "식이나 문장이 너무 깊게 중첩되었습니다(괄호, 연산자, 블록이 \(n)단계를 넘음). 중간 결과를 변수에 나눠 담으세요"
                      : "nested too deeply (more than \(n) levels of brackets, operators or blocks); split it with variables"
        case .breakOutsideLoop(let f):
            return ko ? "\(f)()에서 반복문 밖의 break/continue입니다" : "break or continue outside a loop in \(f)()"
        case .undefinedLabel(let l):
            return ko ? "정의되지 않은 레이블입니다: '\(l)'" : "label '\(l)' used but not defined"
        case .returnAtPrompt:
            return ko ? "return은 함수 안에서만 씁니다" : "return outside a function"
        case .commandFailed(let m):
            return m
        case .moduleError(let m):
            return m
        }
    }

    /// The dereference explanations are built in English by the interpreter; Korean gets its own sentence.
    static func koDeref(_ what: String) -> String {
        if what.hasPrefix("taking the address") { return "변수의 주소(&)는 시뮬레이션된 메모리에 있지 않습니다. 포인터 자체를 넘기세요" }
        if what.hasPrefix("reading or writing memory") { return "포인터로 메모리를 읽고 쓰는 것(*p)은 모델링하지 않습니다. `write` 명령이나 kmem, page 같은 보기를 쓰세요" }
        if what.hasPrefix("reading a member") { return "struct 멤버 읽기(->, .)는 모델링하지 않습니다. offsetof()와 ptype으로 위치를 볼 수 있습니다" }
        if what.hasPrefix("indexing memory") { return "[]로 메모리를 읽는 것은 모델링하지 않습니다. 주소가 필요하면 포인터 산술(p + i)을 쓰세요" }
        if what.hasPrefix("a struct variable") { return "struct 변수는 모델링하지 않습니다. kmemsim은 포인터만 다룹니다. 포인터로 선언하고 할당하세요" }
        if what.hasPrefix("an array variable") { return "배열 변수의 바이트는 모델링하지 않습니다. kmalloc()으로 할당하세요" }
        if let name = what.split(separator: "(").first, what.contains("reads or writes the bytes") {
            return "\(name)()는 메모리의 바이트를 읽고 씁니다. kmemsim은 바이트를 모델링하지 않습니다(할당 자체는 모델링합니다. 0으로 채운 메모리는 kzalloc이나 __GFP_ZERO)"
        }
        return what
    }

    /// `FILE:LINE:COLUMN: error: message`, the source line, a caret under the column.
    static func render(_ e: CError, file: String, source: String, prefix: String, lang: LessonLanguage, label: Bool = true) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let p = e.position
        let word = lang == .ko ? "오류: " : "error: "
        var out = "\(prefix)\(file):\(p.line):\(p.column): \(label ? word : "")\(error(e.kind, lang))\n"
        if p.line >= 1, p.line <= lines.count {
            let text = String(lines[p.line - 1])
            let caretPad = String(text.utf8.prefix(max(p.column - 1, 0)).map { $0 == 9 ? "\t" : " " }.joined())
            out += "    \(text)\n    \(caretPad)^\n"
        }
        return out
    }

    /// What the prompt says when a function definition is kept.
    static func defined(_ f: CFunction, _ lang: LessonLanguage) -> String {
        let params = f.parameters.map { $0.type.declaration($0.name) }.joined(separator: ", ")
        let sig = f.returnType.declaration(f.name) + "(" + (params.isEmpty ? "void" : params) + ")"
        return lang == .ko ? "함수를 정의했습니다: \(sig). \(f.name)(…);로 호출하세요" : "defined \(sig); call it as \(f.name)(…);"
    }

    static func note(_ s: String, _ lang: LessonLanguage) -> String { (lang == .ko ? "참고: " : "note: ") + s + "\n" }
}
