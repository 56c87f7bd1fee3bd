/// The phrases the C parser names what it expected or found, and what it does not model, in Korean, keyed by their
/// English (`CErrorKind.expected`, `.expectedType`, `.notModelledSyntax` carry these). Tokens (`';'`, `'x'`) are the
/// same in both languages.
extension Message {
    static let koreanCPhrases: [String: String] = [
        "end of input": "입력의 끝",
        "'else' without an 'if' before it": "앞에 'if'가 없는 'else'",
        "a format string": "형식 문자열",
        "a statement": "문장",
        "end of the type": "타입의 끝",
        "one type": "타입 하나",
        "a label": "레이블",
        "a member name": "멤버 이름",
        "a name": "이름",
        "a struct name": "struct 이름",
        "a function defined inside a function": "함수 안에서 정의한 함수",
        "array sizes other than a positive constant": "양의 상수가 아닌 배열 크기",
        "bit-fields": "비트 필드",
        "calls through an expression (call a function by its name)": "식을 통한 호출 (함수는 이름으로 부르세요)",
        "enum (use #define NAME VALUE)": "enum (#define NAME VALUE를 쓰세요)",
        "function members": "함수 멤버",
        "function pointers": "함수 포인터",
        "initializer lists other than { 0 }": "{ 0 }이 아닌 초기화 리스트",
        "switch (write it with if / else if)": "switch (if / else if로 쓰세요)",
        "typedef (use the struct name: struct dog)": "typedef (struct 이름을 쓰세요: struct dog)",
    ]

    /// A parser phrase in both languages: a known phrase in Korean, a token or a phrase with a known tail as it is.
    static func cPhrase(_ s: String) -> Message {
        if let ko = koreanCPhrases[s] { return Message(en: s, ko: ko) }
        let offsetofTail = " (offsetof takes a struct)"
        if s.hasSuffix(offsetofTail) { return Message(en: s, ko: String(s.dropLast(offsetofTail.count)) + " (offsetof에는 struct를 주세요)") }
        return Message(verbatim: s)
    }
}
