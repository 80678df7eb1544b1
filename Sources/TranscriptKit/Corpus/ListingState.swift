import Foundation

extension CorpusLoader {
    /// Everything a corpus's listing depends on, as one text: each folder's state
    /// (`folderState`: the podread executable, `speakers.yaml`, every candidate file's name
    /// and stamp, its sidecar's included) and its `show.yaml`; in a library, each show's
    /// folder too. The same text means the same corpus. Nil when a file cannot be stamped
    /// or changed within the last second (its stamp cannot be trusted yet).
    public static func listingState(of directory: String) -> String? {
        guard let files = try? episodeFiles(in: directory) else { return nil }
        var folders = [(directory, files)]
        for show in showFolders(in: directory) {
            guard let files = try? episodeFiles(in: show) else { return nil }
            folders.append((show, files))
        }
        var text = ""
        for (folder, files) in folders {
            let show = (folder as NSString).appendingPathComponent(ShowInfo.fileName)
            let showStamp = FileStamp(path: show)
            guard showStamp?.isSettled ?? !FileManager.default.fileExists(atPath: show) else { return nil }
            let paths = files.map { (folder as NSString).appendingPathComponent($0) }
            let stamps = Concurrently.map(paths.count) { FileStamp(path: paths[$0]) }
            let speakers = FileStamp(path: (folder as NSString).appendingPathComponent(SpeakerOverrides.fileName))
            guard let state = folderState(names: files, stamps: stamps, overrides: speakers) else { return nil }
            text += "folder " + folder + "\nshow " + (showStamp?.text ?? "none") + "\n" + state
        }
        return text
    }
}
