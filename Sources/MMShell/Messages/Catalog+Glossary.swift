/// The glossary command's own sentences (`glossary [TERM]`); the terms themselves are in lessons/glossary.yaml.
extension Message {
    static func glossaryAlso(_ names: [String]) -> Message {
        let list = names.joined(separator: ", ")
        return Message(en: "(also: \(list))", ko: "(다른 이름: \(list))")
    }

    static func glossaryListFooter(_ n: Int) -> Message {
        Message(en: "\(n) term(s); 'glossary TERM' shows one in English and Korean.",
                ko: "용어 \(n)개. 'glossary 용어'로 하나를 영어와 한국어로 볼 수 있습니다.")
    }

    static let glossaryNoSuchTerm = Message(en: "no such term in the glossary; 'glossary' lists every term",
                                            ko: "용어집에 없는 용어입니다. 'glossary'를 입력하면 모든 용어가 나옵니다")

    static func glossaryUnreadable(_ dir: String, _ problems: [String]) -> Message {
        let p = problems.joined(separator: "; ")
        return Message(en: "cannot read the glossary in \(dir): \(p)", ko: "\(dir)의 용어집을 읽을 수 없습니다: \(p)")
    }
}
