import Foundation

extension CorpusLoader {
    /// Everything a corpus's listing depends on, as one text: each folder's state
    /// (`folderState`: the podread executable, `speakers.yaml`, every candidate file's name
    /// and stamp, its sidecar's included) and its `show.yaml`; in a library, each show's
    /// folder too. The same text means the same corpus. Nil when a file cannot be stamped
    /// or changed within the last second (its stamp cannot be trusted yet).
    public static func listingState(of directory: String) -> String? {
        guard let own = try? FolderListing(directory) else { return nil }
        var folders = [own]
        for show in own.showFolders {
            guard let listing = try? FolderListing(show) else { return nil }
            folders.append(listing)
        }
        var text = ""
        for listing in folders {
            let folder = listing.directory
            let show = (folder as NSString).appendingPathComponent(ShowInfo.fileName)
            let showStamp = FileStamp(path: show)
            guard showStamp?.isSettled ?? !FileManager.default.fileExists(atPath: show) else { return nil }
            let speakers = FileStamp(path: (folder as NSString).appendingPathComponent(SpeakerOverrides.fileName))
            guard let state = folderState(names: listing.episodeFiles, stamps: listing.episodeStamps(), overrides: speakers) else {
                return nil
            }
            text += "folder " + folder + "\nshow " + (showStamp?.text ?? "none") + "\n" + state
        }
        return text
    }
}
