/// Every sentence the C interpreter says, in English and Korean (kernel identifiers stay English): part of the one
/// message catalog, keyed by the interpreter's typed errors and notes.
enum CMessages {
    enum Note: Sendable {
        case removedSlabFlag(String)
        case structRedefined(String)
        case bugOn(String)
        case moduleMacroAtPrompt(String)
        case skippedDirective(String)
        case bootCache(String)
    }

    static func text(_ n: Note, _ lang: LessonLanguage) -> String { message(n).text(lang) }

    static func message(_ n: Note) -> Message {
        switch n {
        case .removedSlabFlag(let flag):
            return removedFlag[flag] ?? Message(en: "\(flag) is not a flag in 6.6; kmemsim reads it as 0", ko: "\(flag) 플래그는 6.6에 없습니다. kmemsim은 0으로 읽습니다")
        case .structRedefined(let s):
            return Message(en: "struct \(s) is redefined; the new layout replaces the old one", ko: "struct \(s)의 정의가 바뀌었습니다. 새 배치가 이전 배치를 대신합니다")
        case .bugOn(let c):
            return Message(en: "BUG_ON(\(c)) fired: the kernel would oops here and kill the task; kmemsim stops the code",
                           ko: "BUG_ON(\(c))의 조건이 참입니다. 실제 커널은 여기서 oops를 내고 태스크를 죽입니다. kmemsim은 코드 실행을 멈춥니다")
        case .moduleMacroAtPrompt(let m):
            return Message(en: "\(m)() belongs in a module file; write the module to a file and load it with 'insmod FILE.c'",
                           ko: "\(m)() 매크로는 모듈 파일에 씁니다. 모듈을 파일로 저장한 뒤 'insmod FILE.c'로 올리세요")
        case .bootCache(let n):
            return Message(en: "the \(n) cache already exists: the kernel made it at boot with this very call (kmem_cache_init, fork_init, vfs_caches_init); the pointer now names that cache ('slab \(n)' shows it)",
                           ko: "\(n) 캐시는 이미 있습니다. 커널이 부팅할 때 바로 이 호출로 만들었습니다(kmem_cache_init, fork_init, vfs_caches_init). 포인터는 이제 그 캐시를 가리킵니다('slab \(n)' 명령으로 볼 수 있습니다)")
        case .skippedDirective(let d):
            return Message(en: "#\(d) is not evaluated (kmemsim has no preprocessor beyond #include and #define); the lines under it all run",
                           ko: "#\(d) 지시문은 처리하지 않습니다(kmemsim의 전처리기는 #include와 #define만 압니다). 그 아래 줄은 모두 실행됩니다")
        }
    }

    /// What became of each SLAB_ flag that 6.6 no longer has (CConstants.removedSlabFlags).
    static let removedFlag: [String: Message] = [
        "SLAB_NOTRACK": Message(en: "SLAB_NOTRACK was removed in Linux 4.15 together with kmemcheck; 6.6 has no such flag, so kmemsim reads it as 0",
                                ko: "SLAB_NOTRACK은 Linux 4.15에서 kmemcheck와 함께 없어졌습니다. 6.6에는 이 플래그가 없으므로 kmemsim은 0으로 읽습니다"),
        "SLAB_DESTROY_BY_RCU": Message(en: "SLAB_DESTROY_BY_RCU was renamed SLAB_TYPESAFE_BY_RCU in Linux 4.12; kmemsim reads it as 0 (write SLAB_TYPESAFE_BY_RCU)",
                                       ko: "SLAB_DESTROY_BY_RCU는 Linux 4.12에서 SLAB_TYPESAFE_BY_RCU로 이름이 바뀌었습니다. kmemsim은 0으로 읽습니다(SLAB_TYPESAFE_BY_RCU를 쓰세요)"),
        "SLAB_DEBUG_FREE": Message(en: "SLAB_DEBUG_FREE was renamed SLAB_CONSISTENCY_CHECKS in Linux 4.6; kmemsim reads it as 0",
                                   ko: "SLAB_DEBUG_FREE는 Linux 4.6에서 SLAB_CONSISTENCY_CHECKS로 이름이 바뀌었습니다. kmemsim은 0으로 읽습니다"),
        "SLAB_MUST_HWCACHE_ALIGN": Message(en: "SLAB_MUST_HWCACHE_ALIGN was removed in Linux 2.6.20; kmemsim reads it as 0 (write SLAB_HWCACHE_ALIGN)",
                                           ko: "SLAB_MUST_HWCACHE_ALIGN은 Linux 2.6.20에서 없어졌습니다. kmemsim은 0으로 읽습니다(SLAB_HWCACHE_ALIGN을 쓰세요)"),
    ]

    static func error(_ k: CErrorKind, _ lang: LessonLanguage) -> String { message(k).text(lang) }

    /// What each C error says, in both languages.
    static func message(_ k: CErrorKind) -> Message {
        switch k {
        case .unexpectedCharacter(let c):
            return Message(en: "stray '\(c)' in the C code",
                           ko: "C 코드에 올 수 없는 문자 '\(c)'입니다")
        case .unterminatedComment:
            return Message(en: "unterminated /* comment: close it with */",
                           ko: "/* 주석이 */로 닫히지 않았습니다")
        case .unterminatedString:
            return Message(en: "missing terminating quote: close the string on the same line",
                           ko: "문자열이나 문자 상수가 닫히지 않았습니다(따옴표를 같은 줄에서 닫으세요)")
        case .badNumber(let s):
            return Message(en: "'\(s)' is not a valid integer constant",
                           ko: "올바른 정수 상수가 아닙니다: '\(s)'")
        case .badDirective(let s):
            return Message(en: "cannot read the directive '#\(s)'",
                           ko: "전처리 지시문을 읽을 수 없습니다: '#\(s)'")
        case .functionMacro(let n):
            return Message(en: "function-like macro \(n)(…) is not modelled; write it as a function",
                           ko: "함수 형태의 매크로는 모델링하지 않습니다: \(n)(…). 함수로 쓰세요")
        case .expected(let what, let found):
            let w = Message.cPhrase(what), f = Message.cPhrase(found)
            return Message(en: "expected \(w.en) before \(f.en)",
                           ko: "\(f.ko) 앞에 다음이 와야 합니다: \(w.ko)")
        case .expectedExpression(let found):
            let f = Message.cPhrase(found)
            return Message(en: "expected an expression before \(f.en)",
                           ko: "\(f.ko) 앞에 식이 와야 합니다")
        case .expectedType(let found):
            let f = Message.cPhrase(found)
            return Message(en: "expected a type before \(f.en)",
                           ko: "\(f.ko) 앞에 타입이 와야 합니다")
        case .notModelledSyntax(let what):
            let w = Message.cPhrase(what)
            return Message(en: "kmemsim's C does not model \(w.en)",
                           ko: "kmemsim의 C에서 지원하지 않는 문법입니다: \(w.ko)")
        case .undeclared(let n, let s):
            return Message(en: "'\(n)' undeclared (first use here)" + (s.map { "; did you mean '\($0)'?" } ?? ""),
                           ko: "선언되지 않은 이름입니다: '\(n)'." + (s.map { " 비슷한 이름: '\($0)'." } ?? ""))
        case .redeclared(let n):
            return Message(en: "redeclaration of '\(n)'",
                           ko: "이미 선언된 이름입니다: '\(n)'")
        case .notAFunction(let n):
            return Message(en: "'\(n)' is not a function",
                           ko: "함수가 아닙니다: '\(n)'")
        case .unmodelledFunction(let n, let s):
            let enHint = s.map { "; did you mean \($0)()?" } ?? "", koHint = s.map { " 비슷한 이름: '\($0)'." } ?? ""
            return Message(en: "kmemsim does not model \(n)()\(enHint). What it models: the commands with a C declaration in 'help' (the allocation API, preempt/irq/spin_lock, per-CPU), and printk, IS_ERR, BUG_ON and the module macros",
                           ko: "kmemsim이 모델링하지 않는 함수입니다: \(n)().\(koHint) 모델링하는 함수는 'help'에서 C 선언이 있는 명령(할당 API, preempt/irq/spin_lock, per-CPU)과 printk, IS_ERR, BUG_ON 같은 매크로입니다")
        case .wrongArgumentCount(let f, let e, let g):
            return Message(en: "\(f)() takes \(e) argument\(e == 1 ? "" : "s"), \(g) given",
                           ko: "\(f)()의 인자 개수가 맞지 않습니다: \(e)개를 받는데 \(g)개를 넘겼습니다")
        case .dereference(let what):
            let d = dereference(what)
            return Message(en: "dereferencing memory is not modelled: " + d.en, ko: "메모리 역참조는 모델링하지 않습니다: " + d.ko)
        case .sizeofVoid:
            return Message(en: "invalid application of 'sizeof' to a void type",
                           ko: "void에는 크기가 없습니다")
        case .sizeofFunction(let n):
            return Message(en: "invalid application of 'sizeof' to the function \(n)",
                           ko: "함수 \(n)에는 sizeof를 쓸 수 없습니다")
        case .incompleteStruct(let n, let known):
            return Message(en: "struct \(n) is not defined: declare it first ('struct \(n) { … };'). Known structs: \(known.joined(separator: ", "))",
                           ko: "struct \(n)의 정의를 모릅니다. 먼저 'struct \(n) { … };'로 선언하세요. 알고 있는 struct: \(known.joined(separator: ", "))")
        case .opaqueStruct(let n):
            return Message(en: "struct \(n) is known by its size only (its boot cache's object_size); its members are not modelled",
                           ko: "struct \(n)에 대해서는 크기만 압니다(부트 캐시의 object_size). 멤버 배치는 모델링하지 않습니다")
        case .noSuchMember(let s, let m, let ms):
            return Message(en: "struct \(s) has no member named '\(m)'; members: \(ms.joined(separator: ", "))",
                           ko: "struct \(s)에는 '\(m)' 멤버가 없습니다. 멤버: \(ms.joined(separator: ", "))")
        case .recursiveStruct(let n):
            return Message(en: "struct \(n) contains itself; use a pointer (struct \(n) *)",
                           ko: "struct \(n) 안에 자기 자신이 값으로 들어 있습니다. 포인터(struct \(n) *)를 쓰세요")
        case .notAssignable(let what):
            return Message(en: "cannot assign to \(what)",
                           ko: "\(what)에는 값을 대입할 수 없습니다")
        case .divisionByZero:
            return Message(en: "division by zero",
                           ko: "0으로 나누었습니다")
        case .badOperands(let op, let l, let r):
            return Message(en: "invalid operands to '\(op)' (\(l) and \(r))",
                           ko: "'\(op)'의 피연산자(\(l), \(r))가 맞지 않습니다")
        case .stepLimit(let n):
            return Message(en: "stopped after \(n) steps (a loop that does not end?); the kernel keeps the state it reached",
                           ko: "\(n)단계를 넘게 실행해서 멈췄습니다(끝나지 않는 반복문?). 여기까지의 커널 상태는 그대로 남아 있습니다")
        case .callDepth(let n):
            return Message(en: "calls nested more than \(n) deep (runaway recursion?); a real kernel would overflow its stack",
                           ko: "함수 호출이 \(n)단계를 넘었습니다(끝나지 않는 재귀?). 실제 커널이라면 커널 스택이 넘쳤을 것입니다")
        case .nestedTooDeeply(let n):
            return Message(en: "nested too deeply (more than \(n) levels of brackets, operators or blocks); split it with variables",
                           ko: "식이나 문장이 너무 깊게 중첩되었습니다(괄호, 연산자, 블록이 \(n)단계를 넘음). 중간 결과를 변수에 나눠 담으세요")
        case .breakOutsideLoop(let f):
            return Message(en: "break or continue outside a loop in \(f)()",
                           ko: "\(f)()에서 반복문 밖의 break/continue입니다")
        case .undefinedLabel(let l):
            return Message(en: "label '\(l)' used but not defined",
                           ko: "정의되지 않은 레이블입니다: '\(l)'")
        case .returnAtPrompt:
            return Message(en: "return outside a function",
                           ko: "return은 함수 안에서만 씁니다")
        case .commandFailed(let m), .moduleError(let m):
            // Already worded, in the session's language, by the command or module loader that failed.
            return Message(en: m, ko: m)
        }
    }

    /// What kmemsim does not model about an attempted memory access, and what to do instead.
    static func dereference(_ d: CDereference) -> Message {
        switch d {
        case .memoryFunction(let name):
            return Message(en: "\(name)() reads or writes the bytes of memory, which kmemsim does not model; the allocation itself is modelled (kzalloc or __GFP_ZERO for zeroed memory)",
                           ko: "\(name)() 함수는 메모리의 바이트를 읽고 씁니다. kmemsim은 바이트를 모델링하지 않습니다(할당 자체는 모델링합니다. 0으로 채운 메모리는 kzalloc이나 __GFP_ZERO)")
        case .structVariable(let type, let name):
            return Message(en: "a struct variable (\(type) \(name)): kmemsim keeps pointers, not the bytes of a struct; declare \(type) *\(name) and allocate it",
                           ko: "struct 변수(\(type) \(name))는 모델링하지 않습니다. kmemsim은 포인터만 다룹니다. \(type) *\(name) 꼴로 선언하고 할당하세요")
        case .arrayVariable(let decl):
            return Message(en: "an array variable (\(decl)): its bytes would be memory kmemsim does not model; allocate it with kmalloc()",
                           ko: "배열 변수(\(decl))의 바이트는 모델링하지 않습니다. kmalloc()으로 할당하세요")
        case .addressOf:
            return Message(en: "taking the address of a variable (&): kmemsim's variables are not in simulated memory; pass the pointer itself",
                           ko: "변수의 주소(&)는 시뮬레이션된 메모리에 있지 않습니다. 포인터 자체를 넘기세요")
        case .throughPointer(let p):
            return Message(en: "reading or writing memory through a pointer (*\(p)): use the `write` command or kmemsim's views (kmem, page) to look at memory",
                           ko: "포인터로 메모리를 읽고 쓰는 것(*\(p))은 모델링하지 않습니다. `write` 명령이나 kmem, page 같은 보기를 쓰세요")
        case .member(let op, let member, let type):
            return Message(en: "reading a member (\(op)\(member)) of \(type): the struct's bytes are not modelled; offsetof() and ptype show where it lives",
                           ko: "\(type)의 멤버 읽기(\(op)\(member))는 모델링하지 않습니다. offsetof()와 ptype으로 위치를 볼 수 있습니다")
        case .indexing:
            return Message(en: "indexing memory ([]): the bytes behind a pointer are not modelled; use pointer arithmetic (p + i) for addresses",
                           ko: "[]로 메모리를 읽는 것은 모델링하지 않습니다. 주소가 필요하면 포인터 산술(p + i)을 쓰세요")
        }
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

/// The module commands' sentences in English and Korean.
enum CModuleText {
    enum Line {
        case alreadyLoaded(String), cannotRead(String), statementAtFileScope, missingFunction(String, String), noLicense
        case loadedNoInit(String), runningInit(String, String, String, Int), initFailed(String, String, Int), loaded(String)
        case initStopped(String), notLoaded(String, [String]), noExit(String), unloaded(String)
        case pagesLeaked(Int, Int, String, String, String), noLeaks(String), leakSummary(String, Int, Int)
    }

    static func text(_ l: Line, _ lang: LessonLanguage) -> String { message(l).text(lang) }

    static func message(_ l: Line) -> Message {
        switch l {
        case .alreadyLoaded(let n):
            return Message(en: "module \(n) is already loaded (insmod would fail with -EEXIST); 'rmmod \(n)' first",
                           ko: "\(n) 모듈이 이미 올라가 있습니다. 먼저 'rmmod \(n)' 명령을 실행하세요")
        case .cannotRead(let p):
            return Message(en: "cannot read \(p)",
                           ko: "파일을 읽을 수 없습니다: \(p)")
        case .statementAtFileScope:
            return Message(en: "only declarations, functions and macros like module_init may stand at file scope; put statements inside a function",
                           ko: "파일 수준에는 선언, 함수, module_init 같은 매크로만 올 수 있습니다. 실행할 문장은 함수 안에 쓰세요")
        case .missingFunction(let what, let fn):
            return Message(en: "\(what)(\(fn)): no function \(fn) is defined in the file",
                           ko: "\(what)에 넘긴 함수가 파일에 없습니다: \(fn)")
        case .noLicense:
            return Message(en: "a module without MODULE_LICENSE is treated as proprietary and taints the kernel; add MODULE_LICENSE(\"GPL\");",
                           ko: "MODULE_LICENSE가 없는 모듈은 독점 모듈로 취급되어 커널을 오염(taint)시킵니다. MODULE_LICENSE(\"GPL\");을 넣으세요")
        case .loadedNoInit(let n):
            return Message(en: "\(n): loaded (no module_init)",
                           ko: "\(n): 올렸습니다(module_init 없음)")
        case .runningInit(let n, let f, let comm, let pid):
            return Message(en: "\(n): running \(f)() in process context (\(comm), pid \(pid))",
                           ko: "\(n): \(f)() 함수를 프로세스 컨텍스트(\(comm), pid \(pid))에서 실행합니다")
        case .initFailed(let n, let f, let rc):
            return Message(en: "insmod: ERROR: could not insert module \(n): \(f)() returned \(rc); the module is gone, what it allocated stays allocated",
                           ko: "insmod: \(n) 모듈을 올리지 못했습니다: \(f)() 함수가 \(rc) 값을 돌려주었습니다. 모듈은 내려갔지만 할당한 것은 그대로 남습니다")
        case .loaded(let n):
            return Message(en: "\(n): loaded; 'rmmod \(n)' runs its exit and checks for leaks",
                           ko: "\(n): 올렸습니다. 'rmmod \(n)' 명령으로 내리면 새는 메모리를 확인합니다")
        case .initStopped(let n):
            return Message(en: "\(n): init stopped part way; kmemsim unloads the module so the file can be fixed and loaded again",
                           ko: "\(n): init이 중간에 멈췄습니다. kmemsim은 파일을 고쳐 다시 올릴 수 있도록 모듈을 내립니다")
        case .notLoaded(let n, let all):
            let names = all.joined(separator: ", ")
            return Message(en: "rmmod: ERROR: Module \(n) is not currently loaded (" + (all.isEmpty ? "no modules are loaded" : "loaded: " + names) + ")",
                           ko: "rmmod: 올라가 있지 않은 모듈입니다: \(n) (" + (all.isEmpty ? "올라간 모듈이 없습니다" : "올라간 모듈: " + names) + ")")
        case .noExit(let n):
            return Message(en: "rmmod: ERROR: could not remove module \(n): it has module_init but no module_exit, so the kernel refuses (-EBUSY)",
                           ko: "rmmod: \(n) 모듈에는 module_exit가 없어서 내릴 수 없습니다(-EBUSY)")
        case .unloaded(let n):
            return Message(en: "\(n): unloaded",
                           ko: "\(n): 내렸습니다")
        case .pagesLeaked(let pfn, let size, let call, let fn, let loc):
            return Message(en: "pages never freed: \(size) bytes at pfn 0x\(String(pfn, radix: 16)) from \(call) in \(fn)() at \(loc); kmemleak does not track the page allocator and would not report this, kmemsim does",
                           ko: "해제하지 않은 페이지: pfn 0x\(String(pfn, radix: 16))부터 \(size)바이트, \(fn)()의 \(call) (\(loc)). kmemleak은 페이지 할당자를 추적하지 않아서 이것을 보고하지 않습니다. kmemsim은 보고합니다")
        case .noLeaks(let n):
            return Message(en: "\(n): no leaks: everything its code allocated has been freed",
                           ko: "\(n): 새는 메모리가 없습니다. 모듈이 할당한 것은 모두 해제되었습니다")
        case .leakSummary(let n, let count, let bytes):
            return Message(en: "kmemleak: \(count) new suspected memory leak\(count == 1 ? "" : "s") from \(n) (\(bytes) bytes); with the module gone nothing can free \(count == 1 ? "it" : "them")",
                           ko: "\(n): 새는 할당 \(count)개, 모두 \(bytes)바이트. 모듈이 내려간 뒤에는 아무도 해제할 수 없습니다")
        }
    }
}

extension Message {
    /// The comment `ptype` writes inside a struct known by its size only.
    static let opaqueStructComment = Message(en: "members not modelled; size is its boot cache's object_size",
                                             ko: "멤버는 모델링하지 않습니다. 크기는 부트 캐시의 object_size입니다")
}
