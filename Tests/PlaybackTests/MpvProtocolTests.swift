import Foundation
import Testing
@testable import Playback

/// mpv's JSON IPC as podread writes and reads it; the lines are mpv's, as its manual gives them.
@Suite struct MpvProtocolTests {
    @Test func commandsAreOneJSONObjectALine() throws {
        let seek = try #require(MpvProtocol.lines(for: .seek(12.5)).first)
        #expect(seek.hasSuffix("\n") && seek.dropLast().allSatisfy { $0 != "\n" })
        let object = try JSONSerialization.jsonObject(with: Data(seek.utf8)) as? [String: Any]
        let command = try #require(object?["command"] as? [Any])
        #expect(command.count == 4)
        #expect(command[0] as? String == "seek")
        #expect((command[1] as? NSNumber)?.doubleValue == 12.5)
        #expect(command[2] as? String == "absolute")
        // An address with quotes and a newline stays one line.
        let load = try #require(MpvProtocol.lines(for: .load("/tmp/a \"b\"\nc.mp3")).first)
        #expect(load.dropLast().allSatisfy { $0 != "\n" })
        #expect(MpvProtocol.lines(for: .observe).count == 4)
        // A seek before the start goes to the start.
        #expect(try #require(MpvProtocol.lines(for: .seek(-3)).first).contains("[\"seek\",0,"))
    }

    @Test func eventsAreRead() {
        #expect(MpvProtocol.event(from: #"{"event":"property-change","id":1,"name":"time-pos","data":3.25}"#) == .position(3.25))
        #expect(MpvProtocol.event(from: #"{"event":"property-change","id":2,"name":"pause","data":true}"#) == .paused(true))
        #expect(MpvProtocol.event(from: #"{"event":"property-change","id":3,"name":"speed","data":1.5}"#) == .speed(1.5))
        #expect(MpvProtocol.event(from: #"{"event":"property-change","id":4,"name":"duration","data":61}"#) == .duration(61))
        #expect(MpvProtocol.event(from: #"{"event":"file-loaded"}"#) == .loaded)
        #expect(MpvProtocol.event(from: #"{"event":"end-file","reason":"eof","playlist_entry_id":1}"#) == .ended(error: nil))
        #expect(MpvProtocol.event(from: #"{"event":"end-file","reason":"error","file_error":"unrecognized file format"}"#)
                == .ended(error: "unrecognized file format"))
    }

    @Test func whatIsNotAnEventOfUseIsIgnored() {
        for line in [#"{"request_id":0,"error":"success"}"#,                                   // a reply
                     #"{"event":"property-change","id":1,"name":"time-pos"}"#,               // no data: nothing loaded
                     #"{"event":"property-change","id":1,"name":"time-pos","data":-1}"#,
                     #"{"event":"property-change","id":1,"name":"time-pos","data":1e308}"#,
                     #"{"event":"property-change","id":1,"name":"time-pos","data":"12"}"#,
                     #"{"event":"property-change","id":1,"name":"time-pos","data":true}"#,
                     #"{"event":"property-change","id":2,"name":"pause","data":1}"#,
                     #"{"event":"property-change","id":3,"name":"speed","data":0}"#,
                     #"{"event":"end-file","reason":"stop"}"#,
                     #"{"event":"seek"}"#, "", "garbage", "{", "[1,2]", "\u{0}\u{1}",
                     String(repeating: "x", count: 70_000)] {
            #expect(MpvProtocol.event(from: line[...]) == nil, "\(line.prefix(60))")
        }
    }
}
