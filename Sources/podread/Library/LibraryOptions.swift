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
