/// Files that cannot be read, written or made (FileOutput), in both languages. The C library's reason (strerror)
/// stays as the system gives it.
extension Message {
    static func cannotRead(_ path: String, _ why: String) -> Message {
        Message(en: "cannot read \(path): \(why)", ko: "파일을 읽을 수 없습니다: \(path): \(why)")
    }

    static func cannotWrite(_ path: String, _ why: String) -> Message {
        Message(en: "cannot write \(path): \(why)", ko: "파일을 쓸 수 없습니다: \(path): \(why)")
    }

    static func cannotMakeDirectory(_ path: String, _ why: String) -> Message {
        Message(en: "cannot create directory \(path): \(why)", ko: "디렉터리를 만들 수 없습니다: \(path): \(why)")
    }
}

/// The executable's own file errors (`-f FILE`, standard output).
extension Message {
    public static func scriptIsDirectory(_ path: String) -> Message {
        Message(en: "cannot read \(path): it is a directory; -f takes a script file",
                ko: "읽을 수 없습니다: \(path): 디렉터리입니다. -f에는 스크립트 파일을 주세요")
    }

    public static func cannotOpen(_ path: String, _ why: String) -> Message {
        Message(en: "cannot open \(path): \(why)", ko: "열 수 없습니다: \(path): \(why)")
    }

    public static func cannotWriteStandardOutput(_ why: String) -> Message {
        Message(en: "cannot write standard output: \(why)", ko: "표준 출력에 쓸 수 없습니다: \(why)")
    }
}
