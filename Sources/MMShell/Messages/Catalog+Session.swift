import KernelMM

/// The banner and the session's own lines.
extension Message {
    /// One line saying what booted (after `boot` and when kmemsim starts at a terminal).
    static func banner(_ k: Kernel) -> Message {
        let zones = k.zones.filter(\.isPopulated).map { "\($0.type.procName) \(Format.bytes(UInt64($0.managedPages) * UInt64(k.pageSize)))" }
            .joined(separator: ", ")
        let n = k.params.cpus, mem = Format.bytes(k.params.memory), page = k.pageSize / 1024
        let slab = k.params.slab.rawValue.uppercased(), arch = k.arch.rawValue
        return Message(
            en: "Linux 6.6 (kmemsim) on \(arch): \(mem) RAM, \(n) CPU\(n == 1 ? "" : "s"), \(page) KiB pages, \(slab); zones: \(zones)",
            ko: "Linux 6.6 (kmemsim), \(arch): RAM \(mem), CPU \(n)개, 페이지 \(page) KiB, \(slab); 존: \(zones)")
    }

    /// The second line at a terminal.
    public static let welcome = Message(
        en: "Type 'help' for commands, Tab to complete, Ctrl-R to search history, 'quit' to leave.",
        ko: "'help'로 명령 목록을, Tab으로 자동 완성을, Ctrl-R로 기록 검색을 쓸 수 있고 'quit'로 끝냅니다.")
}

extension Message {
    /// Said in the language it names, so one message serves both.
    static let currentLanguage = Message(en: "kmemsim speaks English (lang ko: 한국어); the kernel's own messages stay English",
                ko: "kmemsim이 한국어로 말합니다 (lang en: English). 커널 자신의 메시지는 영어 그대로입니다")

    static func unknownLanguage(_ w: String) -> Message {
        Message(en: "no language '\(w)'; use en or ko", ko: "없는 언어입니다: '\(w)'. en 또는 ko를 쓰세요")
    }
}
