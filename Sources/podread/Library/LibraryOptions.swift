import ArgumentParser
import Foundation
import PodLibrary

/// `--library DIR`, shared by the commands that change the library.
struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library folder (default: $XDG_DATA_HOME/podread, else ~/.local/share/podread).",
                                            valueName: "dir"), completion: .directory)
    var library: String?

    func open() throws -> Library {
        if let library, !library.isEmpty { return Library(root: library) }
        guard let root = Library.location() else { throw CleanExit.failure(LibraryError.noLocation.description) }
        return Library(root: root)
    }
}

/// How `add` and `update` fetch.
struct FetchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Largest transcript or chapters file to download, in MB (default 50; a feed may be 20).",
                                            valueName: "mb"))
    var maxFileMb: Int?

    func validate() throws {
        if let maxFileMb, !(1...4096).contains(maxFileMb) { throw ValidationError("--max-file-mb must be from 1 to 4096") }
    }

    /// How the updater works, from these options.
    var updaterOptions: LibraryUpdater.Options {
        var options = LibraryUpdater.Options()
        if let maxFileMb { options.fileLimit = maxFileMb * 1_000_000 }
        return options
    }
}
