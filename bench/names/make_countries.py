"""Every country and territory, from maintained sources rather than a hand list (issue #15): the Korean and English
display names of ICU's locale data (uloc_getDisplayCountry, libicuuc through ctypes) for each ISO 3166-1 code of
Debian's iso-codes, with iso-codes' own English names as aliases and its Korean translation (iso_3166-1.mo) as a
second Hangul form where it differs. Names the hand-written glossary files already have are left to them.

Writes glossaries/countries.tsv (glossaries/ is Sources/Glossary/Resources/glossaries, bundled with tm).
Usage: python3 bench/names/make_countries.py
"""
import csv, ctypes, gettext, glob, json, os, re

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
glossaries = os.path.join(root, "glossaries")
library = sorted(glob.glob("/usr/lib/*/libicuuc.so.[0-9]*") + glob.glob("/usr/lib/libicuuc.so.[0-9]*"))[0]
icu = ctypes.CDLL(library)
version = re.search(r"\.so\.(\d+)", library).group(1)
display_country = getattr(icu, "uloc_getDisplayCountry_" + version)
display_country.restype = ctypes.c_int32


def region_name(code, language):
    buffer = (ctypes.c_uint16 * 256)()
    status = ctypes.c_int(0)
    length = display_country(("und_" + code).encode(), language.encode(), buffer, 256, ctypes.byref(status))
    return "".join(chr(unit) for unit in buffer[:length]) if status.value <= 0 else ""


def main():
    korean = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["ko"])
    taken = set()
    for path in glob.glob(os.path.join(glossaries, "*.tsv")):
        if os.path.basename(path) != "countries.tsv":
            with open(path, encoding="utf-8") as handle:
                taken |= {row["hangul"] for row in csv.DictReader(handle, delimiter="\t")}
    hangul_name = re.compile(r"[가-힣]+( [가-힣]+)*")
    rows = []
    for entry in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]:
        code = entry["alpha_2"]
        english = region_name(code, "en")
        aliases = []
        for key in ("common_name", "name", "official_name"):
            name = entry.get(key, "")
            if name and "," not in name and name != english and name not in aliases:
                aliases.append(name)
        forms = [region_name(code, "ko"), korean.gettext(entry["name"])]
        for hangul in dict.fromkeys(forms):
            if not hangul_name.fullmatch(hangul or "") or hangul in taken:
                continue
            taken.add(hangul)
            source = "ICU " + version + " locale data" if hangul == forms[0] else "iso-codes Korean translation"
            rows.append([hangul, english, "place", "", f"country or territory (ISO 3166-1 {code})", source, "|".join(aliases), code])
    header = ["hangul", "english", "kind", "variants", "note", "source", "aliases", "country"]
    with open(os.path.join(glossaries, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write("\t".join(header) + "\n" + "".join("\t".join(row) + "\n" for row in rows))
    print(f"{len(rows)} countries and territories")


if __name__ == "__main__":
    main()
