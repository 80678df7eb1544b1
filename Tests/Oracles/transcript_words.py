#!/usr/bin/env python3
"""An independent reading of the real transcripts in ../shared/real-transcripts, for tests.

Written from the formats' rules (WebVTT, SubRip, Podcasting 2.0 JSON and HTML, the
Changelog's Markdown, the Hugo page's 'Speaker 0: 00:00:16' blocks), not from podread's
code, with the simplest means that do the job for these files: regular expressions and
Python's own JSON and HTML-entity decoding.

For each file it prints one JSON object:
  words:  [[speaker, word], ...] every spoken word in order with who says it ('?' unknown);
          speaker labels, timestamps and markup are not words
  turns:  runs of words by one speaker (a section marker such as **Break:** ends a run)
  first:  the first time the file gives, in seconds
  last:   the last time the file gives (the last cue's end where cues have ends)
"""
import html
import json
import re
import sys

NAME_PREFIX = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): ")
BRACKET_LABEL = re.compile(r"^\[(SPEAKER_\d+)\]:? ")


def seconds(text):
    parts = text.strip().replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def lines_of(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def blocks(lines):
    block = []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def captions(path, vtt):
    """WebVTT or SubRip: a name holds until the next one."""
    speaker, words, first, last = "?", [], None, None
    for block in blocks(lines_of(path)):
        timing = [i for i, line in enumerate(block) if "-->" in line]
        if not timing:
            continue  # WEBVTT header, NOTE, STYLE, REGION, a lone number
        start, end = block[timing[0]].split("-->")
        first = seconds(start) if first is None else first
        last = seconds(end.split()[0])
        text = " ".join(block[timing[0] + 1:])
        voice = re.match(r"<v(?:\.[^ >]*)?\s+([^>]*)>", text) if vtt else None
        if voice:
            speaker = html.unescape(voice.group(1).strip())
        else:
            label = BRACKET_LABEL.match(text) or NAME_PREFIX.match(text)
            if label:
                speaker = label.group(1)
                text = text[label.end():]
        text = re.sub(r"<[^>]*>", "", text)
        if vtt:
            text = html.unescape(text)
        words += [[speaker, word] for word in text.split()]
    return words, first, last


def podcasting_json(path):
    document = json.load(open(path, encoding="utf-8"))
    speaker, words, first, last = "?", [], None, 0.0
    for segment in document["segments"]:
        if segment.get("speaker"):
            speaker = segment["speaker"]
        first = segment["startTime"] if first is None else first
        last = max(last, segment["endTime"])
        words += [[speaker, word] for word in segment.get("body", "").split()]
    return words, first, last


def html_transcript(path):
    text = open(path, encoding="utf-8").read()
    speaker, words, times = "?", [], []
    for match in re.finditer(r"<cite>(.*?)</cite>|<time>(.*?)</time>|<p>(.*?)</p>", text, re.S):
        cite, time, paragraph = match.groups()
        if cite is not None:
            speaker = html.unescape(cite).strip().rstrip(":")
        elif time is not None:
            times.append(seconds(time))
        else:
            plain = html.unescape(re.sub(r"<[^>]*>", "", paragraph))
            words += [[speaker, word] for word in plain.split()]
    return words, times[0], times[-1]


def changelog(path):
    """`**Name:** text` paragraphs; `\\[07:56\\]` is a time; `**Break:**` a section."""
    speaker, words, times, breaks = "?", [], [], []
    stamp = re.compile(r"\\\[(\d+:\d\d(?::\d\d)?)\\\]")
    for block in blocks(lines_of(path)):
        text = " ".join(block)
        label = re.match(r"^\*\*(.+?):\*\* ?", text)
        if label:
            speaker = label.group(1)
            text = text[label.end():]
        times += [seconds(t) for t in stamp.findall(text)]
        text = stamp.sub(" ", text)
        if speaker == "Break":
            breaks.append(len(words))
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](link)
        text = text.replace("\\[", "[").replace("\\]", "]")
        words += [[speaker, word] for word in text.split()]
    return words, times[0], times[-1], breaks


def speaker_blocks(path):
    """A Hugo page: front matter, then `Speaker 0: 00:00:16` and the lines spoken."""
    lines = lines_of(path)
    body = lines[lines.index("---", 1) + 1:]
    speaker, words, times = "?", [], []
    for line in body:
        header = re.match(r"^(Speaker \d+): (\d\d:\d\d:\d\d)$", line)
        if header:
            speaker = header.group(1)
            times.append(seconds(header.group(2)))
        else:
            words += [[speaker, word] for word in line.split()]
    return words, times[0], times[-1]


def read(path):
    breaks = []
    if path.endswith(".vtt") or path.endswith(".srt"):
        words, first, last = captions(path, path.endswith(".vtt"))
    elif path.endswith(".json"):
        words, first, last = podcasting_json(path)
    elif path.endswith(".html"):
        words, first, last = html_transcript(path)
    elif "bitcoin" in path:
        words, first, last = speaker_blocks(path)
    else:
        words, first, last, breaks = changelog(path)
    turns = 0
    for index, (speaker, _) in enumerate(words):
        if index == 0 or speaker != words[index - 1][0] or index in breaks:
            turns += 1
    return {"words": words, "turns": turns, "first": first, "last": last}


if __name__ == "__main__":
    print(json.dumps({path: read(path) for path in sys.argv[1:]}, ensure_ascii=False))
