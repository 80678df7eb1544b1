/// The styles of everything that is not a speaker's name.
public struct Theme: Sendable {
    public var mode: ColorMode

    public init(mode: ColorMode) { self.mode = mode }

    private var colored: Bool { mode != .monochrome }
    private func color(_ c256: UInt8, _ c8: UInt8) -> TerminalColor {
        switch mode {
        case .monochrome: return .default
        case .eight: return .indexed(c8)
        case .full256: return .indexed(c256)
        }
    }

    public var text: Style { .plain }
    public var timestamp: Style { Style(foreground: color(244, 7), dim: true) }
    public var aside: Style { Style(foreground: color(244, 7), dim: true) }
    public var placeholder: Style { Style(foreground: color(203, 1), reverse: !colored) }
    public var section: Style { Style(foreground: color(244, 7), dim: true) }
    /// A show's title above its episodes in the list.
    public var showHeader: Style { Style(foreground: color(220, 3), bold: true, underline: !colored) }
    public var header: Style { Style(foreground: color(252, 7), background: color(236, 4), bold: true, reverse: !colored) }
    public var statusBar: Style { Style(foreground: color(252, 7), background: color(236, 4), reverse: !colored) }
    public var statusAccent: Style { Style(foreground: color(220, 3), background: color(236, 4), bold: true, reverse: !colored) }
    public var statusError: Style { Style(foreground: color(255, 7), background: color(124, 1), bold: true, reverse: !colored) }
    public var hint: Style { Style(foreground: color(246, 7), background: color(236, 4), reverse: !colored) }
    public var border: Style { Style(foreground: color(240, 7), dim: !colored) }
    public var borderFocused: Style { Style(foreground: color(75, 6), bold: true) }
    public var paneTitle: Style { Style(foreground: color(250, 7), bold: true) }
    public var paneTitleFocused: Style { Style(foreground: color(75, 6), bold: true) }
    public var selection: Style { Style(foreground: colored ? color(255, 7) : .default, background: color(24, 4), bold: true, reverse: !colored) }
    public var selectionUnfocused: Style { Style(foreground: .default, background: color(238, 0), underline: !colored) }
    public var warningMarker: Style { Style(foreground: color(214, 3), bold: true) }
    public var errorMarker: Style { Style(foreground: color(196, 1), bold: true) }
    public var match: Style { Style(foreground: color(16, 0), background: color(220, 3), reverse: !colored) }
    public var currentMatch: Style { Style(foreground: color(16, 0), background: color(208, 1), bold: true, underline: !colored, reverse: !colored) }
    public var label: Style { Style(foreground: color(246, 7), bold: true) }
    public var link: Style { Style(foreground: color(75, 6), underline: true) }
    public var overlay: Style { Style(foreground: color(252, 7), background: color(235, 0)) }
    public var overlayTitle: Style { Style(foreground: color(220, 3), background: color(235, 0), bold: true) }
    public var overlayKey: Style { Style(foreground: color(117, 6), background: color(235, 0), bold: true) }
    public var prompt: Style { Style(foreground: color(255, 7), background: color(236, 4), bold: true, reverse: !colored) }
    public var cursor: Style { Style(reverse: true) }
    /// The utterance being spoken while listening, its cue, and the mark beside it.
    public var spoken: Style { Style(bold: true) }
    public var spokenCue: Style { Style(foreground: colored ? color(255, 7) : .default, background: color(24, 4), bold: true, underline: !colored) }
    public var playing: Style { Style(foreground: color(42, 2), bold: true) }
}
