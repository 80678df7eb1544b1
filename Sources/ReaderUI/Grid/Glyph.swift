/// A cell's text as the grid keeps it: a number, so that a frame's grid is filled, written
/// and dropped without counting references to strings. One Unicode scalar (nearly every
/// cell), the right half of a wide character, or a grapheme of several scalars, kept in
/// the grid's list of them.
struct Glyph: Equatable {
    var code: UInt32

    static let space = Glyph(code: 0x20)
    static let continuation = Glyph(code: 0x11_0000)

    /// The `index`-th grapheme of several scalars.
    static func cluster(_ index: Int) -> Glyph { Glyph(code: continuation.code + 1 + UInt32(index)) }

    var isContinuation: Bool { self == .continuation }

    /// The scalar, or nil for a continuation or a cluster.
    var scalar: Unicode.Scalar? { code < Self.continuation.code ? Unicode.Scalar(code) : nil }

    /// The index of a cluster in the grid's list.
    var clusterIndex: Int? { code > Self.continuation.code ? Int(code - Self.continuation.code - 1) : nil }
}
