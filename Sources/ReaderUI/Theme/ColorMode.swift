/// What the terminal can show.
public enum ColorMode: Sendable, Equatable {
    /// No colour: bold, underline and reverse only (`NO_COLOR`, `--no-color`).
    case monochrome
    case eight
    case full256

    /// `NO_COLOR` (any non-empty value, see no-color.org) wins over what the terminal supports.
    public static func choose(colors: Int, noColorFlag: Bool, environment: [String: String]) -> ColorMode {
        if noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty || colors < 8 { return .monochrome }
        return colors >= 256 ? .full256 : .eight
    }
}
