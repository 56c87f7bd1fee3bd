/// What is wrong with the shape of a line or a gfp mask expression (LineParser, GFPParser), in both languages.
extension Message {
    static func nothingToAssign(_ name: String) -> Message {
        Message(en: "nothing to assign to $\(name): write '\(name) = alloc_pages GFP_KERNEL 0'",
                ko: "$\(name)에 넣을 값이 없습니다. '\(name) = alloc_pages GFP_KERNEL 0'처럼 쓰세요")
    }

    static func commandStartsWithName(_ first: String) -> Message {
        Message(en: "a command starts with a name, not '\(first)'; type 'help'",
                ko: "명령은 이름으로 시작해야 하는데 첫 글자가 '\(first)'입니다. 'help'를 입력해 보세요")
    }

    static func unexpectedAfterParen(_ text: String) -> Message {
        Message(en: "unexpected '\(text)' after the closing parenthesis", ko: "닫는 괄호 뒤에 더 올 것이 없는데 이어지는 글자가 있습니다: '\(text)'")
    }

    static func emptyArgument(_ line: String) -> Message {
        Message(en: "empty argument in '\(line)'", ko: "'\(line)'에 빈 인자가 있습니다")
    }

    // MARK: gfp mask expressions (the detail after "cannot read gfp mask 'X': ")

    static let gfpEmptyMask = Message(en: "empty mask", ko: "마스크가 비어 있습니다")

    static func gfpUnexpected(_ c: Character, column: Int) -> Message {
        Message(en: "unexpected '\(c)' at column \(column)", ko: "\(column)번째 글자가 올 수 없는 자리에 있습니다: '\(c)'")
    }

    static let gfpBitsAboveShift = Message(en: "bits above __GFP_BITS_SHIFT (26) are not gfp flags",
                                           ko: "__GFP_BITS_SHIFT(26)보다 위의 비트는 gfp 플래그가 아닙니다")
    static let gfpEndsAfterOperator = Message(en: "expression ends after an operator", ko: "연산자 뒤에서 식이 끝났습니다")
}
