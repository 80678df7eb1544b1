import Foundation

/// Folders of podread's own (the cache, the reader's memory): made 0700, and used only
/// when they are real folders owned by the user that no one else can write to.
public enum PrivateFolder {
    /// Why an existing folder may not be used; nil when it is private, or missing.
    public static func problem(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder (a link or a file is in its place)" }
        guard info.st_uid == geteuid() else { return "\(path) belongs to someone else" }
        return info.st_mode & 0o022 != 0 ? "others can write in \(path)" : nil
    }

    /// Makes `path` (and its parents) if missing, and private if it is ours but open to
    /// others; nil when it may be used, else why not.
    public static func prepare(_ path: String) -> String? {
        var info = stat()
        if lstat(path, &info) != 0 {
            let parent = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
                return "cannot make the folder \(path): \(String(cString: strerror(errno)))"
            }
        } else if info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 {
            chmod(path, 0o700)
        }
        return problem(path).map { $0 + "; not used" }
    }
}
