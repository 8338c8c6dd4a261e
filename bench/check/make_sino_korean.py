"""Writes Sources/Glossary/Resources/words/sino-korean.txt: the two-syllable Hangul readings of libhangul's hanja
dictionary (Debian libhangul-data). Usage: python3 bench/check/make_sino_korean.py [/usr/share/libhangul/hanja/hanja.txt]
(apt-get download libhangul-data && dpkg-deb -x libhangul-data_*.deb root gives the file without installing it)."""
import os, sys, unicodedata

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/libhangul/hanja/hanja.txt"
words = set()
for line in open(source, encoding="utf-8"):
    if line.startswith("#"):
        continue
    reading = unicodedata.normalize("NFC", line.split(":")[0])
    if len(reading) == 2 and all("\uac00" <= c <= "\ud7a3" for c in reading):
        words.add(reading)
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "Glossary", "Resources", "words", "sino-korean.txt")
open(target, "w", encoding="utf-8").write("\n".join(sorted(words)) + "\n")
print(f"{len(words)} words → {os.path.normpath(target)}")
