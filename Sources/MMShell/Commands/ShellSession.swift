import KernelMM

/// Settings that change how results are shown, not what the kernel does.
public struct ShellSettings: Sendable, Equatable {
    public var json = false
    public var color = false
    /// How many commands `undo` keeps (0: none). A kept command costs the frames it wrote and the parts of the kernel
    /// it changed, so it is on in scripts too.
    public var undoDepth = 10
    /// `--validate`: run every invariant check after every command.
    public var validateEachCommand = false
    /// Pictures in Unicode blocks (a colour terminal) rather than ASCII letters (--ascii, TERM=dumb, NO_COLOR, pipes).
    public var unicode = false
    /// The terminal's width, which pictures fit (COLUMNS, else the terminal's size, else 80).
    public var columns = 80
    /// `--json --one-stream`: error records go to stdout with the others, so a grader reads one file.
    public var jsonOneStream = false
    /// The terminal's width in columns when output goes to a terminal: lesson text and help are fitted to it.
    /// nil (pipes, tests): lesson text is shown as written; help fits 80 columns.
    public var width: Int?
    public init(json: Bool = false, color: Bool = false, undoDepth: Int = 10, unicode: Bool = false, columns: Int = 80,
                validateEachCommand: Bool = false, jsonOneStream: Bool = false) {
        self.json = json
        self.color = color
        self.undoDepth = undoDepth
        self.unicode = unicode
        self.columns = max(40, columns)
        self.validateEachCommand = validateEachCommand
        self.jsonOneStream = jsonOneStream
    }
}

/// Everything a command may read or change: the kernel, the named results, the settings.
public struct ShellSession: Sendable {
    public var kernel: Kernel
    /// Named results: `p = alloc_pages GFP_KERNEL 3` stores `p`; `_` is the last result. Assigning the whole table
    /// replaces it; commands write one name at a time through `variableStore`.
    public var variables: [String: ShellValue] {
        get { variableStore.values }
        set { variableStore.replaceAll(with: newValue) }
    }
    /// The variables, with undo's log of what was written.
    var variableStore = ShellVariables()
    public var settings: ShellSettings
    /// The kernel state before each of the last commands that changed it, for `undo`.
    var undoStack = UndoHistory()
    /// An undo point is open (a command is running); the commands it makes belong to it.
    var undoOpen: Bool { openUndoBefore != nil }
    /// The session before the command running under the open undo point (kept here, not in the `UndoPoint` the
    /// command holds: a point of plain numbers is copied and dropped for free).
    var openUndoBefore: UndoBefore?
    /// Numbers the frame journals, so that one is never closed on frames it was not opened on.
    var undoEpoch: UInt64 = 0
    /// The lesson under way, lesson settings and the learner's progress.
    public var lessons = LessonState()
    /// Set by `quit`/`exit`.
    public var wantsExit = false
    /// Kernel C: prompt variables' types, structs, functions, loaded modules.
    public var c = CState()
    /// The log position up to which reports have been shown (C calls show theirs as they run).
    var logShownMark = 0
    /// Lines run so far: the Nth runs in the pretend function kmemsim_cmd_N (KernelMM's CallSite).
    var commandSerial = 0
    /// The block trees (splits and merges) of the last command that explained one, for `explain tree`.
    var lastBlockTrees: [BlockTreePicture] = []
    /// The lines run so far, for `history`.
    var history = CommandHistory()
    /// Set by a command that ran C code and then failed: the kernel changed, so the clock is not put back.
    var ranCodeBeforeFailing = false
    /// Where the session's files are read and written: the machine's own (the executable's), or a test's in memory.
    public var files: any FileSystem = HostFileSystem()

    public init(kernel: Kernel, settings: ShellSettings = ShellSettings()) {
        self.kernel = kernel
        self.settings = settings
    }

    public var style: Style { Style(colorEnabled: settings.color) }
    /// How pictures are drawn here when a command gives no --ascii.
    var pictureStyle: PictureTerminalStyle {
        PictureTerminalStyle(unicode: settings.unicode, color: settings.unicode && settings.color, columns: settings.columns, language: lessons.language)
    }

    /// The language kmemsim's own words are shown in (the kernel's stay English).
    public var language: Language {
        get { lessons.language }
        set { lessons.language = newValue }
    }

    /// A catalog message in the session's language.
    public func say(_ m: Message) -> String { m.text(language) }

    /// Replaces the machine (boot/reset): variables pointed into the old one, so they go too.
    mutating func reboot(_ k: Kernel) {
        kernel = k
        variables = [:]
        undoStack.removeAll()
        c.types = [:]
        c.modules = []
    }
}
