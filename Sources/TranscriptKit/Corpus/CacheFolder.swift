import Foundation

/// Where what podread keeps of a corpus lives: `$XDG_CACHE_HOME/podread` (else
/// `~/.cache/podread`), never inside the corpus folder.
public enum CacheFolder {
    /// `…/podread/KIND-HASH` for the corpus folder `directory`, HASH naming its absolute
    /// path, in a folder only the user can read; nil with why when it cannot be.
    public static func place(for directory: String, kind: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String?, problem: String?) {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return (nil, nil)
        }
        if let problem = PrivateFolder.prepare(base + "/podread") { return (nil, "the cache is not used: " + problem) }
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        return (base + "/podread/" + kind + "-" + String(hash(Array(absolute.utf8)), radix: 16), nil)
    }

    /// A 64-bit multiply-xor hash (FNV-1a's constants, eight bytes at a time): names cache
    /// files, and checks that what was kept in them is what was written.
    /// `seed`: the hash of what comes before, to hash several buffers as one.
    public static func hash(_ raw: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = (0xcbf2_9ce4_8422_2325 ^ seed) ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 29
            i += 8
        }
        while i < raw.count {
            hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3
            i += 1
        }
        return hash
    }

    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }
}
