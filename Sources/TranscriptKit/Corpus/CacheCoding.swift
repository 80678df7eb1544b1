import Foundation

/// The summary cache's file format: length-prefixed fields in a fixed order. JSON took
/// seconds to decode for 10,000 episodes; this takes milliseconds. Any inconsistency while
/// reading throws, and the cache is then ignored.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 { bytes.append(UInt8(v & 0xFF)); v >>= 8 }
    }

    mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    /// 64-bit words in bulk (little-endian, as `int` writes them).
    mutating func words(_ values: [UInt64]) {
        int(values.count)
        for value in values { int(Int(Int64(bitPattern: value))) }
    }

    /// Bytes written by another writer, length first, so readers can find and skip them.
    mutating func block(_ other: CacheWriter) {
        int(other.bytes.count)
        bytes.append(contentsOf: other.bytes)
    }
}

struct CacheReader {
    struct Corrupt: Error {}
    private let bytes: [UInt8]
    private var offset = 0
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        end = bytes.count
    }

    /// Reads only `range` of `bytes` (shared, not copied).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { offset == end }

    /// Words written by `CacheWriter.words`, copied in one go.
    mutating func words() throws -> [UInt64] {
        let count = try int()
        guard count >= 0, count <= (end - offset) / 8 else { throw Corrupt() }
        let start = offset
        offset += count * 8
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for i in 0..<count { buffer[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 8, as: UInt64.self)) }
            }
            initialized = count
        }
    }

    /// Where a `block` written by `CacheWriter.block` lies; skips over it.
    mutating func block() throws -> Range<Int> {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func int() throws -> Int {
        guard offset + 8 <= end else { throw Corrupt() }
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[offset + i]) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    mutating func bool() throws -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + count)]), as: UTF8.self)
        }
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try int()
        // Every element takes at least one byte: a larger count is corruption, not a reason to allocate.
        guard count >= 0, count <= end - offset else { throw Corrupt() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}

/// A cache file on disk: its bytes and a checksum of them at the end, written atomically.
enum CacheFile {
    /// Takes the checksum off the end of `bytes`; false when it does not match (a damaged
    /// file is noticed, not believed).
    static func unseal(_ bytes: inout [UInt8]) -> Bool {
        guard bytes.count > 8 else { return false }
        var tail = CacheReader(Array(bytes.suffix(8)))
        bytes.removeLast(8)
        guard let sum = try? tail.int(), sum == SummaryCache.checksum(bytes) else { return false }
        return true
    }

    /// Writes `writer`'s bytes and their checksum atomically; failures are ignored, as a
    /// cache only saves time.
    static func write(_ writer: CacheWriter, to path: String) {
        var writer = writer
        writer.int(SummaryCache.checksum(writer.bytes))
        AtomicFile.replace(path, with: Data(writer.bytes), durable: false)
    }

    /// Another cache file of the same corpus: `corpus-…` beside `summaries-…`.
    static func sibling(of summaries: String, kind: String) -> String {
        let folder = (summaries as NSString).deletingLastPathComponent
        let name = (summaries as NSString).lastPathComponent.replacingOccurrences(of: "summaries-", with: kind + "-")
        return (folder as NSString).appendingPathComponent(name)
    }
}
