import Foundation

/// A connection of its own to a running mpv's IPC socket, to ask it a property: what a
/// test reads back to check the player against the screen.
public final class MpvClient {
    private let socket: Int32
    private var pending: [UInt8] = []
    private var nextID = 1_000

    public init?(socket path: String) {
        socket = MpvPlayer.connect(path)
        guard socket >= 0 else { return nil }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(socket) }

    /// The property's value now, if it is a number (nil when mpv does not answer in 5 s).
    public func property(_ name: String) -> Double? {
        nextID += 1
        let id = nextID
        let line = Array(MpvProtocol.request(name, id: id).utf8)
        guard line.withUnsafeBytes({ Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == line.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                if let answer = MpvProtocol.answer(text[...], id: id) { return answer }
            }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            pending += buffer[0..<count]
        }
    }
}
