import Foundation

/// What podread asks of the player.
public enum PlayerCommand: Equatable, Sendable {
    /// Play this file or address from the start (a seek follows when it is loaded).
    case load(String)
    case pause(Bool)
    /// To this second of the audio.
    case seek(Double)
    /// Speed, pitch kept (mpv's default `audio-pitch-correction`).
    case speed(Double)
    /// Reports of `time-pos`, `pause`, `speed` and `duration` as they change.
    case observe
    case quit
}

/// What the player reports.
public enum PlayerEvent: Equatable, Sendable {
    case position(Double)
    case paused(Bool)
    case speed(Double)
    case duration(Double)
    /// The file is loaded and plays.
    case loaded
    /// Playback of the file ended: at its end (`error` nil), or because it could not be played.
    case ended(error: String?)
    /// The player is gone (it died, or never started): why.
    case gone(String)
}

/// mpv's JSON IPC, one message a line: commands written, events read
/// (https://mpv.io/manual/stable/#json-ipc). Every line read is untrusted: what is not
/// understood is ignored, numbers are checked before use.
public enum MpvProtocol {
    /// The `observe_property` ids, by property.
    static let observed: [(id: Int, name: String)] = [(1, "time-pos"), (2, "pause"), (3, "speed"), (4, "duration")]

    /// The lines that send `command` (one for each, `observe` one per property).
    public static func lines(for command: PlayerCommand) -> [String] {
        let arrays: [[Any]]
        switch command {
        case let .load(source): arrays = [["loadfile", source, "replace"]]
        case let .pause(paused): arrays = [["set_property", "pause", paused]]
        case let .seek(seconds): arrays = [["seek", max(0, seconds), "absolute", "exact"]]
        case let .speed(speed): arrays = [["set_property", "speed", speed]]
        case .observe: arrays = observed.map { ["observe_property", $0.id, $0.name] }
        case .quit: arrays = [["quit"]]
        }
        return arrays.compactMap { array in
            guard let data = try? JSONSerialization.data(withJSONObject: ["command": array]) else { return nil }
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    /// The event in one line from mpv; nil for replies, events podread does not use and
    /// anything that is not mpv's JSON.
    public static func event(from line: Substring) -> PlayerEvent? {
        guard line.utf8.count < 65_536, let message = try? JSONDecoder().decode(Message.self, from: Data(line.utf8)),
              let name = message.event else { return nil }
        switch name {
        case "property-change":
            switch (message.name, message.data) {
            case let ("time-pos", .number(value)?): return seconds(value).map(PlayerEvent.position)
            case let ("duration", .number(value)?): return seconds(value).map(PlayerEvent.duration)
            case let ("pause", .flag(paused)?): return .paused(paused)
            case let ("speed", .number(speed)?): return speed >= 0.01 && speed <= 100 ? .speed(speed) : nil
            default: return nil
            }
        case "file-loaded":
            return .loaded
        case "end-file":
            switch message.reason {
            case "eof": return .ended(error: nil)
            case "error": return .ended(error: message.file_error ?? "the file could not be played")
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A time in seconds, if it is one: finite, not negative, under a million hours.
    private static func seconds(_ value: Double) -> Double? { value.isFinite && value >= 0 && value < 3.6e9 ? value : nil }

    /// The fields of mpv's events that podread reads.
    private struct Message: Decodable {
        var event: String?
        var name: String?
        var data: Value?
        var reason: String?
        var file_error: String?
    }

    fileprivate enum Value: Decodable {
        case flag(Bool), number(Double), other

        init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let flag = try? value.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }
    }
}

extension MpvProtocol {
    /// The line that asks for `property`, its answer tagged `id`.
    static func request(_ property: String, id: Int) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["command": ["get_property", property], "request_id": id])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The answer tagged `id` in `line`: nil when the line is not it, `.some(nil)` when it
    /// is, without a number (an error, or a property with no value now).
    static func answer(_ line: Substring, id: Int) -> Double?? {
        guard let reply = try? JSONDecoder().decode(Reply.self, from: Data(line.utf8)), reply.request_id == id else { return nil }
        guard reply.error == "success", case let .number(value)? = reply.data, value.isFinite else { return .some(nil) }
        return .some(value)
    }

    private struct Reply: Decodable {
        var request_id: Int?
        var error: String?
        var data: Value?
    }
}
