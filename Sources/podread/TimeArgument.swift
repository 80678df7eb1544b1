import ArgumentParser
import TranscriptKit

/// `--at TIME`, read and checked in one place for every command.
enum TimeArgument {
    static func seconds(_ text: String) throws -> Double {
        guard let seconds = TimeFormat.parseDuration(text) else {
            throw ValidationError("'\(OutputText.forPeople(text))' is not a time: use 12:30, 1:02:03 or 750 (seconds), from 0 to \(TimeFormat.latestText)")
        }
        return seconds
    }
}
