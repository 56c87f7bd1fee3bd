// Where history is kept: the override, the XDG location and the HOME fallback.
import Testing
@testable import LineEditing

@Suite struct HistoryPathTests {
    @Test func overrideWins() {
        let path = EditLineReader.historyPath(environment: [
            "KMEMSIM_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/state", "HOME": "/home/u",
        ])
        #expect(path == "/tmp/h")
    }

    @Test func emptyOverrideDisablesHistory() {
        let path = EditLineReader.historyPath(environment: ["KMEMSIM_HISTORY": "", "HOME": "/home/u"])
        #expect(path == nil)
    }

    @Test func xdgStateHome() {
        #expect(EditLineReader.historyPath(environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/u"])
            == "/state/kmemsim/history")
        #expect(EditLineReader.historyPath(environment: ["XDG_STATE_HOME": "/state/"])
            == "/state/kmemsim/history")
    }

    @Test func relativeXdgStateHomeIsIgnored() {
        #expect(EditLineReader.historyPath(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/u"])
            == "/home/u/.local/state/kmemsim/history")
    }

    @Test func homeFallback() {
        #expect(EditLineReader.historyPath(environment: ["HOME": "/home/u"])
            == "/home/u/.local/state/kmemsim/history")
    }

    @Test func nothingKnown() {
        #expect(EditLineReader.historyPath(environment: [:]) == nil)
        #expect(EditLineReader.historyPath(environment: ["HOME": ""]) == nil)
    }
}
