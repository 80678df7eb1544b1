import Foundation

extension CorpusLoader {
    /// Everything a corpus's listing depends on, as one text: the podread executable, each
    /// folder's `speakers.yaml` and `show.yaml`, and every candidate file's name and stamp
    /// (its sidecar's included); in a library, each show's folder too. The same text means
    /// the same corpus, by the rules of `folderState`. Nil when a file cannot be stamped
    /// or changed within the last second (its stamp cannot be trusted yet).
    public static func listingState(of directory: String) -> String? {
        guard let program = FileStamp.program, let files = try? episodeFiles(in: directory) else { return nil }
        var text = "podread " + program.text + "\n"
        var folders = [(directory, files)]
        for show in showFolders(in: directory) {
            guard let files = try? episodeFiles(in: show) else { return nil }
            folders.append((show, files))
        }
        for (folder, files) in folders {
            for extra in [SpeakerOverrides.fileName, ShowInfo.fileName] {
                let path = (folder as NSString).appendingPathComponent(extra)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let stamp = FileStamp(path: path), stamp.isSettled else { return nil }
                text += path + "\t" + stamp.text + "\n"
            }
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            let paths = files.map { prefix + $0 }
            let stamps = Concurrently.map(paths.count) { FileStamp(path: paths[$0]) }
            for (path, stamp) in zip(paths, stamps) {
                guard let stamp, stamp.isSettled else { return nil }
                text += path + "\t" + stamp.text + "\n"
            }
        }
        return text
    }
}
