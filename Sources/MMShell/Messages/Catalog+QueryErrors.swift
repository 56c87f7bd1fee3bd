/// What is wrong with a `print` expression or a lesson's query (QueryParser, QueryEvaluator, QueryFunctions), in both
/// languages. Korean names a value's type by its Korean noun (숫자, 리스트) and never hangs a particle on a slot.
extension Message {
    /// A value's type as an error names it: English "number", "list", "zone"; Korean 숫자, 리스트, zone.
    static func queryType(_ v: QueryValue) -> Message {
        switch v {
        case .int: Message(en: v.typeName, ko: "숫자")
        case .address: Message(en: v.typeName, ko: "주소")
        case .string: Message(en: v.typeName, ko: "문자열")
        case .list: Message(en: v.typeName, ko: "리스트")
        case .null, .bool, .object: Message(verbatim: v.typeName)
        }
    }

    /// `; did you mean X?` after an unknown name (empty when there is no close one).
    static func querySuggestion(_ s: String?) -> Message {
        guard let s else { return Message(verbatim: "") }
        return Message(en: "; did you mean \(s)?", ko: ". \(s) 항목을 찾으셨나요?")
    }

    // MARK: parsing

    static let queryEmpty = Message(en: "empty expression: try print 1 + 2 or print zone(\"Normal\").free",
                                    ko: "식이 비어 있습니다. print 1 + 2나 print zone(\"Normal\").free처럼 써 보세요")

    /// How the parser names a token in an error: `number 7`, `string "x"`, `'name'`, `end of expression`.
    static func queryToken(_ t: QueryToken) -> Message {
        switch t.kind {
        case .number(let v): Message(en: "number \(v.rendered)", ko: "숫자 \(v.rendered)")
        case .string(let s): Message(en: "string \"\(s)\"", ko: "문자열 \"\(s)\"")
        case .identifier(let s): Message(verbatim: "'\(s)'")
        case .variable(let s): Message(verbatim: "$\(s)")
        case .op(let s): Message(verbatim: "'\(s)'")
        case .end: Message(en: "end of expression", ko: "식의 끝")
        }
    }

    static func queryUnexpectedAfter(_ t: Message) -> Message {
        Message(en: "unexpected \(t.en) after the expression", ko: "식이 끝난 뒤에 남은 것이 있습니다: \(t.ko)")
    }

    /// `expected ')' but found …`: `wanted` is the punctuation the parser needed (`')'`, `',' or ']'`).
    static func queryExpected(_ wanted: [String], found: Message) -> Message {
        let en = wanted.map { "'\($0)'" }.joined(separator: " or ")
        let ko = wanted.map { "'\($0)'" }.joined(separator: " 또는 ")
        return Message(en: "expected \(en) but found \(found.en)", ko: "여기에는 \(ko) 기호가 와야 합니다(나온 것: \(found.ko))")
    }

    static let queryFieldNameAfterDot = Message(en: "expected a field name after '.'", ko: "'.' 뒤에는 필드 이름이 와야 합니다")

    static func queryNeedsValueBefore(_ w: String) -> Message {
        Message(en: "'\(w)' needs a value before it", ko: "'\(w)' 앞에 값이 있어야 합니다")
    }

    static let queryEndsEarly = Message(en: "expression ends too early", ko: "식이 너무 일찍 끝났습니다")

    static func queryUnexpected(_ o: String) -> Message {
        Message(en: "unexpected '\(o)'", ko: "올 수 없는 자리에 '\(o)' 기호가 있습니다")
    }

    static let queryDollarNeedsName = Message(en: "'$' must be followed by a variable name, as in $p",
                                              ko: "'$' 뒤에는 $p처럼 변수 이름이 와야 합니다")

    static func queryStringNotClosed(_ q: Character) -> Message {
        Message(en: "string not closed: add \(q)", ko: "문자열이 닫히지 않았습니다. 끝에 \(q) 기호를 붙이세요")
    }

    static let queryAssignNotCompare = Message(en: "'=' assigns; compare with '=='", ko: "'='는 대입입니다. 비교에는 '=='를 쓰세요")

    static func queryNotHex(_ w: String) -> Message {
        Message(en: "'\(w)' is not a hex number", ko: "16진수가 아닙니다: '\(w)'")
    }

    static func queryNotNumber(_ w: String) -> Message {
        Message(en: "'\(w)' is not a number (decimal, 0x hex, or a size like 4K, 2M, 1G)",
                ko: "숫자가 아닙니다: '\(w)' (10진수, 0x로 시작하는 16진수, 4K·2M·1G 같은 크기)")
    }

    // MARK: names, fields and calls

    /// `known` are the names without their `$`. With none defined, a query adds no hint (unlike a command line).
    static func queryNoVariable(_ name: String, known: [String]) -> Message {
        if known.isEmpty { return Message(en: "no variable $\(name)", ko: "$\(name) 변수는 없습니다") }
        return unknownVariable(name, known: known)
    }

    static func queryNeedsArguments(_ n: String, usage: String) -> Message {
        Message(en: "\(n) needs arguments: \(usage)", ko: "\(n)에는 인자가 필요합니다: \(usage)")
    }

    static func queryIsFunction(_ n: String, usage: String) -> Message {
        Message(en: "\(n) is a function: \(usage)", ko: "\(n) 항목은 함수입니다: \(usage)")
    }

    static func queryUnknownName(_ n: String, suggestion s: String?) -> Message {
        let sg = querySuggestion(s)
        return Message(en: "unknown name '\(n)'\(sg.en); 'help query' lists them",
                       ko: "없는 이름입니다: '\(n)'\(sg.ko) 'help query'에 이름 목록이 있습니다")
    }

    static func queryUnknownFunction(_ n: String, suggestion s: String?) -> Message {
        let sg = querySuggestion(s)
        return Message(en: "unknown function '\(n)'\(sg.en); 'help query' lists them",
                       ko: "없는 함수입니다: '\(n)'\(sg.ko) 'help query'에 함수 목록이 있습니다")
    }

    static func queryTakesNoArguments(_ n: String, usage: String) -> Message {
        Message(en: "\(n) takes no arguments: write \(usage)", ko: "\(n)에는 인자가 없습니다. \(usage)처럼 쓰세요")
    }

    static func queryArity(_ n: String, _ arity: Int, usage: String) -> Message {
        Message(en: "\(n) takes \(arity) argument\(arity == 1 ? "" : "s"): \(usage)", ko: "\(n)에는 인자가 \(arity)개 필요합니다: \(usage)")
    }

    static func queryIsMethod(_ name: String, usage: String) -> Message {
        Message(en: "\(name) is a method: write .\(name)\(usage)", ko: "\(name) 항목은 메서드입니다. .\(name)\(usage)처럼 쓰세요")
    }

    static func queryNotAMethod(_ type: String, _ name: String) -> Message {
        Message(en: "\(type).\(name) is a value, not a method: drop the parentheses",
                ko: "\(type).\(name) 항목은 메서드가 아니라 값입니다. 괄호를 빼세요")
    }

    static func queryNullHasNoField(_ f: String) -> Message {
        Message(en: "NULL has no field '\(f)'", ko: "NULL에는 필드가 없습니다('\(f)' 필드를 찾았습니다)")
    }

    static func queryNoFields(_ v: QueryValue, asked f: String) -> Message {
        let t = queryType(v)
        return Message(en: "a \(t.en) has no fields (asked for '\(f)')", ko: "\(t.ko) 값에는 필드가 없습니다('\(f)' 필드를 찾았습니다)")
    }

    static func queryNoField(_ name: String, on type: String, suggestion s: String?) -> Message {
        let sg = querySuggestion(s)
        return Message(en: "no field '\(name)' on \(type)\(sg.en)", ko: "\(type) 값에는 '\(name)' 필드가 없습니다\(sg.ko)")
    }

    // MARK: operators

    static func queryCannotIndex(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "cannot index a \(t.en) with [ ]", ko: "\(t.ko) 값에는 [ ]로 첨자를 붙일 수 없습니다")
    }

    static func queryIndexNotNumber(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "a list index is a number, not a \(t.en)", ko: "리스트 첨자는 숫자여야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static func queryIndexOutOfRange(_ n: Int, count: Int) -> Message {
        Message(en: "index \(n) is out of range: the list has \(count) item\(count == 1 ? "" : "s") (0…\(count - 1))",
                ko: "첨자 \(n): 범위를 벗어납니다. 리스트의 항목은 \(count)개입니다(0…\(count - 1))")
    }

    static let queryNumberTooLarge = Message(en: "number too large", ko: "숫자가 너무 큽니다")

    static func queryOperatorNotFor(_ op: String, _ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "'\(op)' does not apply to a \(t.en)", ko: "'\(op)' 연산은 \(t.ko) 값에 쓸 수 없습니다")
    }

    static func queryOperatorNotFor(_ op: String, _ a: QueryValue, _ b: QueryValue) -> Message {
        let x = queryType(a), y = queryType(b)
        return Message(en: "'\(op)' does not apply to a \(x.en) and a \(y.en)", ko: "'\(op)' 연산은 \(x.ko) 값과 \(y.ko) 값 사이에 쓸 수 없습니다")
    }

    static func queryNeedsBool(_ op: String, left: Bool, _ v: QueryValue) -> Message {
        let t = queryType(v)
        return left
            ? Message(en: "'\(op)' needs true or false on its left, not a \(t.en)", ko: "'\(op)' 왼쪽에는 true나 false가 와야 하는데 주어진 값은 \(t.ko)입니다")
            : Message(en: "'\(op)' needs true or false on its right, not a \(t.en)", ko: "'\(op)' 오른쪽에는 true나 false가 와야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static let queryInStringNeedsString = Message(en: "'in' a string needs a string on its left", ko: "문자열에 'in'을 쓰려면 왼쪽에도 문자열이 와야 합니다")

    static func queryInNeedsList(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "'in' needs a list or a string on its right, not a \(t.en)",
                       ko: "'in' 오른쪽에는 리스트나 문자열이 와야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static let queryDivisionByZero = Message(en: "division by zero", ko: "0으로 나눌 수 없습니다")

    static func queryOperatorNotForAddresses(_ op: String) -> Message {
        Message(en: "'\(op)' does not apply to addresses", ko: "'\(op)' 연산은 주소에 쓸 수 없습니다")
    }

    static func queryOverflow(_ op: String) -> Message {
        Message(en: "number overflow in '\(op)'", ko: "'\(op)' 연산에서 숫자가 넘칩니다")
    }

    static func queryShiftRange(_ y: Int, bounded: Bool) -> Message {
        bounded
            ? Message(en: "shift by \(y) is out of range (0…62)", ko: "시프트 \(y)만큼은 범위를 벗어납니다(0…62)")
            : Message(en: "shift by \(y) is out of range", ko: "시프트 \(y)만큼은 범위를 벗어납니다")
    }

    static func queryUnknownOperator(_ op: String) -> Message {
        Message(en: "unknown operator '\(op)'", ko: "없는 연산자입니다: '\(op)'")
    }

    static func queryCannotCompare(_ a: QueryValue, _ b: QueryValue) -> Message {
        let x = queryType(a), y = queryType(b)
        return Message(en: "cannot compare a \(x.en) with a \(y.en)", ko: "\(x.ko) 값과 \(y.ko) 값은 비교할 수 없습니다")
    }

    static func queryCannotOrder(_ a: QueryValue, _ b: QueryValue, _ op: String) -> Message {
        let x = queryType(a), y = queryType(b)
        return Message(en: "cannot order a \(x.en) and a \(y.en) with '\(op)'", ko: "'\(op)' 연산으로 \(x.ko) 값과 \(y.ko) 값의 크기를 비교할 수 없습니다")
    }

    // MARK: functions

    static func querySumNeedsNumbers(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "sum() adds numbers; the list holds a \(t.en)", ko: "sum()은 숫자를 더하는데 리스트에 \(t.ko) 값이 있습니다")
    }

    static func querySumOverflow(_ limit: Int) -> Message {
        Message(en: "sum() overflows a 64-bit number (the total passes \(limit))", ko: "sum()의 합이 64비트 숫자를 넘칩니다(합계가 한계값 \(limit)에 걸립니다)")
    }

    static func queryLog2(_ n: Int) -> Message {
        Message(en: "log2() of \(n): the kernel's ilog2() needs a positive number", ko: "log2(\(n)): 커널의 ilog2()에는 양수가 필요합니다")
    }

    static func queryGetOrder(_ n: Int) -> Message {
        Message(en: "get_order(\(n)) is undefined for sizes below 1", ko: "get_order(\(n)): 1보다 작은 크기에는 정의되지 않습니다")
    }

    static func queryTakesOne(_ name: String, list: Bool) -> Message {
        list
            ? Message(en: "\(name)() takes one list", ko: "\(name)()에는 리스트 하나를 주세요")
            : Message(en: "\(name)() takes one number", ko: "\(name)()에는 숫자 하나를 주세요")
    }

    static func queryTakesKind(_ name: String, list: Bool, got v: QueryValue) -> Message {
        let t = queryType(v)
        return list
            ? Message(en: "\(name)() takes a list, not a \(t.en)", ko: "\(name)()에는 리스트를 주어야 하는데 주어진 값은 \(t.ko)입니다")
            : Message(en: "\(name)() takes a number, not a \(t.en)", ko: "\(name)()에는 숫자를 주어야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static func queryAbsOverflow(_ n: Int) -> Message {
        Message(en: "abs() of \(n) does not fit in a 64-bit number (the largest is \(Int.max))",
                ko: "abs(\(n))의 결과는 64비트 숫자에 들어가지 않습니다(가장 큰 값은 \(Int.max))")
    }

    static let queryContainsArguments = Message(en: "contains() takes a list and a value", ko: "contains()에는 리스트와 값을 주세요")

    static func queryOfNothing(_ name: String) -> Message {
        Message(en: "\(name)() of nothing", ko: "\(name)()에 준 리스트가 비어 있습니다")
    }

    static func queryComparesNumbers(_ name: String, got v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "\(name)() compares numbers, not a \(t.en)", ko: "\(name)() 함수는 숫자끼리 비교하는데 주어진 값은 \(t.ko)입니다")
    }
}

/// The registry's roots and fields refusing their arguments (`zone("Nomral")`, `cpu(9)`, `page(NULL)`…), in both languages.
extension Message {
    static func queryRootTakes(_ en: String, _ ko: String) -> Message { Message(en: en, ko: ko) }

    static func queryNoCPU(_ n: Int, cpus: Int) -> Message {
        Message(en: "no cpu \(n): this machine has CPUs 0…\(cpus - 1)", ko: "cpu \(n): 없는 CPU입니다. 이 머신의 CPU는 0…\(cpus - 1)입니다")
    }

    static let queryCPUGone = Message(en: "this CPU does not exist on this machine", ko: "이 머신에는 그 CPU가 없습니다")

    static func queryNoZone(_ s: String, arch: String, zones: String) -> Message {
        Message(en: "no zone \"\(s)\" on \(arch); zones: \(zones)", ko: "\(arch)에는 \"\(s)\" 존이 없습니다. 존 목록: \(zones)")
    }

    static func queryZoneTakesName(_ zones: String) -> Message {
        Message(en: "zone() takes a zone name in quotes, e.g. zone(\"Normal\"); zones: \(zones)",
                ko: "zone()에는 따옴표로 감싼 존 이름을 주세요. 예: zone(\"Normal\"). 존 목록: \(zones)")
    }

    static let queryZoneGone = Message(en: "this zone no longer exists (the machine was rebooted)", ko: "이 존은 더 이상 없습니다(머신을 다시 부팅했습니다)")

    static func queryOrderNotNumber(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "an order is a number, not a \(t.en)", ko: "order는 숫자여야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static func queryOrderRange(_ o: Int, max: Int) -> Message {
        Message(en: "order \(o) is out of range: orders go 0…\(max) (MAX_ORDER is inclusive in 6.6)",
                ko: "order \(o): 범위를 벗어납니다. order는 0…\(max)입니다(6.6에서 MAX_ORDER는 범위에 포함됩니다)")
    }

    static func queryMigrateTypeInQuotes(_ names: String) -> Message {
        Message(en: "a migrate type is a name in quotes: \(names)", ko: "migrate type은 따옴표로 감싼 이름입니다: \(names)")
    }

    static func queryNoMigrateType(_ s: String, types: String) -> Message {
        Message(en: "no migrate type \"\(s)\"; types: \(types)", ko: "없는 migrate type입니다: \"\(s)\". type 목록: \(types)")
    }

    static func queryTakesOneMigrateType(_ field: String) -> Message {
        Message(en: "\(field) takes one migrate type, e.g. \(field)(\"Movable\")", ko: "\(field)에는 migrate type을 하나 주세요. 예: \(field)(\"Movable\")")
    }

    static func queryNoPage(_ n: Int, last: Int) -> Message {
        Message(en: "no page \(Format.hex(n)): PFNs here go 0…\(Format.hex(last))",
                ko: "페이지 \(Format.hex(n)): 없는 페이지입니다. 이 머신의 PFN은 0…\(Format.hex(last))입니다")
    }

    static func queryNotAPageAddress(_ a: UInt64) -> Message {
        Message(en: "\(Format.hex(a)) is neither a struct page address nor a direct-map address of RAM",
                ko: "\(Format.hex(a)): struct page 주소도 RAM의 직접 매핑 주소도 아닙니다")
    }

    static let queryPageNull = Message(en: "page(NULL): the allocation failed, there is no page", ko: "page(NULL): 할당이 실패했으므로 페이지가 없습니다")

    static func queryPageTakes(_ v: QueryValue) -> Message {
        let t = queryType(v)
        return Message(en: "page() takes a PFN, $p or an address, not a \(t.en)", ko: "page()에는 PFN, $p, 주소 중 하나를 주어야 하는데 주어진 값은 \(t.ko)입니다")
    }

    static let queryPageGone = Message(en: "this page is beyond the machine's memory", ko: "이 페이지는 머신의 메모리 밖에 있습니다")

    static func queryPerCPUIndex(_ last: Int) -> Message {
        Message(en: "per_cpu() takes a CPU number 0…\(last)", ko: "per_cpu()에는 CPU 번호 0…\(last)을 주세요")
    }

    static let queryPerCPUNameInQuotes = Message(en: "name the variable in quotes, e.g. per_cpu(\"counter\", 0)",
                                                 ko: "변수 이름을 따옴표로 감싸 주세요. 예: per_cpu(\"counter\", 0)")

    static func queryNoPerCPUVariable(_ name: String, defined: [String]) -> Message {
        if defined.isEmpty {
            return Message(en: "no per-CPU variable \"\(name)\"; none defined yet", ko: "없는 per-CPU 변수입니다: \"\(name)\". 아직 정의된 변수가 없습니다")
        }
        let list = defined.joined(separator: " ")
        return Message(en: "no per-CPU variable \"\(name)\"; defined: " + list, ko: "없는 per-CPU 변수입니다: \"\(name)\". 정의된 변수: " + list)
    }

    static func queryNoCache(_ name: String, suggestion: String?) -> Message {
        if let s = suggestion {
            return Message(en: "no slab cache \"\(name)\"; did you mean \(s)?", ko: "없는 slab 캐시입니다: \"\(name)\". \(s) 캐시를 찾으셨나요?")
        }
        return Message(en: "no slab cache \"\(name)\"; 'cat /proc/slabinfo' lists them", ko: "없는 slab 캐시입니다: \"\(name)\". 'cat /proc/slabinfo'에 캐시 목록이 있습니다")
    }

    static func queryNotInSlabObject(_ addr: UInt64) -> Message {
        let a = Format.hex(addr)
        return Message(en: "\(a) is in no slab object ('kmem \(a)' says what it is)", ko: "\(a): 어느 slab 객체에도 속하지 않습니다('kmem \(a)'로 무엇인지 볼 수 있습니다)")
    }

    static let querySlabGone = Message(en: "this address is no longer in a slab (its slab was given back)", ko: "이 주소는 더 이상 slab 안에 없습니다(slab을 돌려주었습니다)")
    static let queryCacheDestroyed = Message(en: "this cache has been destroyed", ko: "이 캐시는 없앴습니다")

    static func queryNoTask(_ pid: Int, pids: [String]) -> Message {
        let list = pids.joined(separator: " ")
        return Message(en: "no task with pid \(pid); pids: " + list, ko: "pid \(pid): 없는 태스크입니다. pid 목록: " + list)
    }

    static let queryTaskExited = Message(en: "this task has exited", ko: "이 태스크는 끝났습니다")

    static func queryNotInVmallocArea(_ addr: UInt64) -> Message {
        let a = Format.hex(addr)
        return Message(en: "\(a) is in no vmalloc area ('cat /proc/vmallocinfo' lists them)", ko: "\(a): 어느 vmalloc 영역에도 속하지 않습니다('cat /proc/vmallocinfo'에 영역 목록이 있습니다)")
    }

    static func queryNotKmapAddress(_ addr: UInt64) -> Message {
        let a = Format.hex(addr)
        return Message(en: "\(a) is neither a pkmap entry nor a kmap_local slot (an i386 kernel with HIGHMEM has them; 'kmaps' lists what is mapped)",
                       ko: "\(a)는 pkmap 항목도 kmap_local 슬롯도 아닙니다(HIGHMEM이 있는 i386 커널에만 있습니다. 'kmaps'에 매핑 목록이 있습니다)")
    }

    static let queryVmallocFreed = Message(en: "this vmalloc area has been freed", ko: "이 vmalloc 영역은 해제되었습니다")
}
