import Testing
@testable import MMShell

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() {
        #expect("kmalloc-96".displayWidth == 10)
        #expect("".displayWidth == 0)
    }

    @Test func hangulSyllablesAreTwoColumns() {
        #expect("완료".displayWidth == 4)
        #expect("진행 중".displayWidth == 7)
        #expect("GFP_KERNEL 플래그".displayWidth == 17)
    }

    @Test func conjoiningJamoMakeOneWideCell() {
        // ᄒ + ᅡ + ᆫ (decomposed 한) draws as one wide cell.
        #expect("\u{1112}\u{1161}\u{11AB}".displayWidth == 2)
    }

    @Test func colourSequencesTakeNoColumns() {
        let red = "\u{1B}[1;31m오류\u{1B}[0m"
        #expect(red.displayWidth == 4)
    }

    @Test func paddingCountsColumnsNotCharacters() {
        #expect("완료".padded(toWidth: 6) == "완료  ")
        #expect("done".padded(toWidth: 6) == "done  ")
        #expect("완료".padded(toWidth: 6).displayWidth == "done".padded(toWidth: 6).displayWidth)
        #expect("완료".leftPadded(toWidth: 5) == " 완료")
        #expect("길어진 글".padded(toWidth: 3) == "길어진 글")
    }
}
