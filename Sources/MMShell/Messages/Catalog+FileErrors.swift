/// Files that cannot be read, written or made (FileOutput), in both languages. The C library's reason (strerror)
/// stays as the system gives it.
extension Message {
    static func cannotRead(_ path: String, _ why: String) -> Message {
        Message(en: "cannot read \(path): \(why)", ko: "파일을 읽을 수 없습니다: \(path): \(why)")
    }

    static func cannotWrite(_ path: String, _ why: String) -> Message {
        Message(en: "cannot write \(path): \(why)", ko: "파일을 쓸 수 없습니다: \(path): \(why)")
    }

    static func cannotCreateDirectory(_ path: String, _ why: String) -> Message {
        Message(en: "cannot create directory \(path): \(why)", ko: "디렉터리를 만들 수 없습니다: \(path): \(why)")
    }
}
