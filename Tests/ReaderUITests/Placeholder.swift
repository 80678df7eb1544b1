import Foundation
import Testing
import TranscriptKit
@testable import ReaderUI

@Test func dump() throws {
    setlocale(LC_ALL, "C.UTF-8")
    let corpus = try CorpusLoader.load(directory: "/work/shared/corpus")
    var state = ReaderState(corpus: corpus, width: 140, height: 30)
    update(&state, .key(.char("j")))
    update(&state, .key(.enter))
    print(render(state).text)
    state.width = 80
    update(&state, .resize(width: 70, height: 20))
    print(render(state).text)
}
