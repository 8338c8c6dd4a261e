// A narrow C view of the system ICU that tm uses.
//
// ICU's own names are version-suffixed macros (unorm2_normalize -> unorm2_normalize_72) that Swift
// cannot see, and its headers clash with the ICU copy inside Foundation on Linux. This header uses
// only <stdint.h> types, so any Swift module can import it beside Foundation; the ICU includes live
// in the .c file.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

/// Normalization forms understood by cicu_normalize_utf8.
enum {
    CICU_NFC = 0,
    CICU_NFD = 1,
    CICU_NFKC = 2,
    CICU_NFKC_CASEFOLD = 3,
};

/// Normalizes UTF-8 `src` into UTF-8 `dest`. Returns -2 when `src` is already normalized (a quick check: `dest` is
/// not written, the caller keeps its text), else the length of the result in bytes (which may exceed `destCapacity`:
/// call again with a bigger buffer), or -1 on error with the ICU error code in `*error`. The input must be valid UTF-8.
int32_t cicu_normalize_utf8(int32_t form, const char *src, int32_t srcLength, char *dest, int32_t destCapacity,
                            int32_t *error);

/// Writes the UTF-16 offsets of the sentence boundaries of `text` under `locale` (e.g. "ko",
/// "en@ss=standard") into `boundaries`, starting with 0 and ending with `length`. Returns the number
/// of boundaries (which may exceed `capacity`: call again with a bigger buffer), or -1 on error.
int32_t cicu_sentence_boundaries(const char *locale, const uint16_t *text, int32_t length, int32_t *boundaries,
                                 int32_t capacity, int32_t *error);

/// The ICU version, e.g. "72.1", into `buffer` (at least 32 bytes).
void cicu_version(char *buffer, int32_t capacity);

/// The ICU error name for a code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char *cicu_error_name(int32_t error);

/// Converts `src` in the charset `charset` (an ICU converter name or alias: "EUC-KR", "CP949", "UTF-16") to UTF-8 in
/// `dest`, refusing unmappable or illegal bytes. Returns the UTF-8 length (which may exceed `destCapacity`: call again
/// with a bigger buffer), or -1 on error with the ICU error code in `*error` and the offset of the bad input in
/// `*errorOffset` when known (else -1).
int32_t cicu_convert_to_utf8(const char *charset, const char *src, int32_t srcLength, char *dest, int32_t destCapacity,
                             int32_t *error, int32_t *errorOffset);

#endif
