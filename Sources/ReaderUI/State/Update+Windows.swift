import TranscriptKit

extension ReaderState {
    mutating func openSpeakerPicker() {
        guard let episode = shownSummary else { return }
        var people: [SpeakerPicker.Person] = []
        let counts = episode.utteranceCounts
        for (index, speaker) in episode.speakers.enumerated() {
            let key = ReaderState.personKey(speaker)
            if let existing = people.firstIndex(where: { $0.key == key }) {
                people[existing].tags.append(speaker.tag)
                people[existing].utterances += counts[index]
                if speaker.isCertain, !people[existing].speaker.isCertain { people[existing].speaker = speaker }
            } else {
                people.append(SpeakerPicker.Person(key: key, speaker: speaker, tags: [speaker.tag], utterances: counts[index]))
            }
        }
        people.sort { $0.utterances > $1.utterances }
        if layout.mode == .tabs { focus = .transcript }
        overlay = .speakers(SpeakerPicker(people: people, checked: filter.intersection(people.map(\.key))))
    }

    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) {
        let rows = OverlayGeometry.listArea(of: overlay, in: self).height
        switch overlay {
        case var .help(list):
            if [.escape, .char("q"), .char("?"), .enter].contains(key) { self.overlay = nil; return }
            _ = list.handle(key, count: HelpOverlay.rowCount, height: rows)
            self.overlay = .help(list)
        case .statistics:
            if [.escape, .char("q"), .char("i"), .enter].contains(key) { self.overlay = nil }
        case var .results(results):
            handleResultsKey(key, &results, rows: rows)
        case var .bookmarks(window):
            handleBookmarksKey(key, &window, rows: rows)
        case var .speakers(picker):
            let cursor = picker.list.cursor
            switch key {
            case .escape, .char("q"):
                self.overlay = nil
                return
            case .char(" "), .char("x"):
                guard picker.people.indices.contains(cursor) else { break }
                let key = picker.people[cursor].key
                if picker.checked.contains(key) { picker.checked.remove(key) } else { picker.checked.insert(key) }
            case .char("a"):
                picker.checked = picker.checked.count == picker.people.count ? [] : Set(picker.people.map(\.key))
            case .enter:
                if picker.checked.isEmpty, picker.people.indices.contains(cursor) {
                    picker.checked = [picker.people[cursor].key]
                }
                let names = picker.people.filter { picker.checked.contains($0.key) }.map(\.speaker.displayName)
                self.overlay = nil
                setFilter(picker.checked.count == picker.people.count ? [] : picker.checked, names: names)
                message = StatusMessage(text: filter.isEmpty ? "showing every speaker" : "showing only \(names.joined(separator: ", "))", isError: false)
                return
            default:
                _ = picker.list.handle(key, count: picker.people.count, height: rows)
            }
            self.overlay = .speakers(picker)
        }
    }
}
