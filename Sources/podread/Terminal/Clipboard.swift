import Foundation

/// Copies text to the clipboard: through the terminal (OSC 52, which works over ssh and in
/// tmux with `set-clipboard on`) and, on a desktop, through `wl-copy` or `xclip` too. The
/// text is already safe (no controls); OSC 52 carries it in base64.
struct Clipboard {
    /// Writes a sequence to the terminal.
    var send: (String) -> Void
    /// Terminals take OSC 52 payloads up to about 100 kB.
    static let longestForTerminal = 100_000

    /// How the text was copied ("OSC 52", "OSC 52 and xclip"), or nil when it could not be.
    func copy(_ text: String) -> String? {
        var ways: [String] = []
        let encoded = Data(text.utf8).base64EncodedString()
        if encoded.utf8.count <= Self.longestForTerminal {
            send("\u{1B}]52;c;\(encoded)\u{07}")
            ways.append("OSC 52")
        }
        if let tool = Self.desktopTool(), Self.pipe(text, into: tool) { ways.append((tool[0] as NSString).lastPathComponent) }
        return ways.isEmpty ? nil : ways.joined(separator: " and ")
    }

    /// `wl-copy` under Wayland, `xclip` under X, when installed.
    private static func desktopTool() -> [String]? {
        let environment = ProcessInfo.processInfo.environment
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        func find(_ name: String) -> String? {
            path.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if environment["WAYLAND_DISPLAY"]?.isEmpty == false, let tool = find("wl-copy") { return [tool] }
        if environment["DISPLAY"]?.isEmpty == false, let tool = find("xclip") { return [tool, "-selection", "clipboard"] }
        return nil
    }

    /// Starts the tool with the text on its standard input and its output discarded.
    private static func pipe(_ text: String, into tool: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool[0])
        process.arguments = Array(tool.dropFirst())
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let data = Data(text.utf8)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        return true
    }
}
