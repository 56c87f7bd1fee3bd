// What Tab does with the completer's answer, and how candidate lists are laid out.
import Testing
@testable import LineEditing

@Suite struct CompletionActionTests {
    @Test func noCandidatesBeeps() {
        #expect(CompletionAction.decide(lineBeforeCursor: "zz", completion: .init(replaceCount: 2, candidates: []))
            == .beep)
    }

    @Test func singleCandidateIsInsertedWithASpace() {
        let action = CompletionAction.decide(
            lineBeforeCursor: "he", completion: .init(replaceCount: 2, candidates: ["help"]))
        #expect(action == .replace(deleteScalars: 2, insert: "help "))
    }

    @Test func severalCandidatesInsertTheirCommonPrefix() {
        let action = CompletionAction.decide(
            lineBeforeCursor: "alloc_p", completion: .init(replaceCount: 7, candidates: ["alloc_page", "alloc_pages"]))
        #expect(action == .replace(deleteScalars: 7, insert: "alloc_page"))
    }

    @Test func prefixAddingNothingLists() {
        let action = CompletionAction.decide(
            lineBeforeCursor: "x alloc_page",
            completion: .init(replaceCount: 10, candidates: ["alloc_page", "alloc_pages"]))
        #expect(action == .list(["alloc_page", "alloc_pages"]))
    }

    @Test func replaceCountIsClampedAndCountedInScalars() {
        let tooMany = CompletionAction.decide(
            lineBeforeCursor: "ab", completion: .init(replaceCount: 99, candidates: ["abc"]))
        #expect(tooMany == .replace(deleteScalars: 2, insert: "abc "))
        let negative = CompletionAction.decide(
            lineBeforeCursor: "ab", completion: .init(replaceCount: -3, candidates: ["x"]))
        #expect(negative == .replace(deleteScalars: 0, insert: "x "))
        // "é" written as e + combining accent is one Character but two scalars.
        let combining = CompletionAction.decide(
            lineBeforeCursor: "e\u{301}", completion: .init(replaceCount: 1, candidates: ["e\u{301}t"]))
        #expect(combining == .replace(deleteScalars: 2, insert: "e\u{301}t "))
    }

    @Test func commonPrefix() {
        #expect(longestCommonPrefix([]) == "")
        #expect(longestCommonPrefix(["abc"]) == "abc")
        #expect(longestCommonPrefix(["abc", "abd", "ab"]) == "ab")
        #expect(longestCommonPrefix(["x", "y"]) == "")
    }

    @Test func columnsFillTopToBottom() {
        #expect(formatColumns(["a", "bb", "c", "d", "e"], width: 12) == ["a   c   e", "bb  d"])
        #expect(formatColumns(["alpha", "beta"], width: 3) == ["alpha", "beta"])
        #expect(formatColumns([], width: 80) == [])
    }
}
