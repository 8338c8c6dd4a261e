#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
    switch (form) {
    case CICU_NFC: return unorm2_getNFCInstance(status);
    case CICU_NFD: return unorm2_getNFDInstance(status);
    case CICU_NFKC: return unorm2_getNFKCInstance(status);
    case CICU_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

/// UTF-16 buffers on the stack up to this many units; longer texts use the heap.
enum { CICU_STACK_UNITS = 1024 };

int32_t cicu_normalize_utf8(int32_t form, const char *src, int32_t srcLength, char *dest, int32_t destCapacity,
                            int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    // UTF-8 never has fewer bytes than UTF-16 has units, so srcLength units hold the text.
    UChar stackIn[CICU_STACK_UNITS];
    UChar *in = srcLength <= CICU_STACK_UNITS ? stackIn : malloc(sizeof(UChar) * (size_t)(srcLength + 1));
    UChar *out = NULL;
    UChar stackOut[CICU_STACK_UNITS];
    int32_t result = -1, inLength = 0, outCapacity = 0, outLength = 0, length = 0;
    if (in == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return -1; }
    u_strFromUTF8(in, srcLength > 0 ? srcLength : 1, &inLength, src, srcLength, &status);
    if (U_FAILURE(status)) { *error = status; goto done; }
    if (unorm2_spanQuickCheckYes(n, in, inLength, &status) == inLength && U_SUCCESS(status)) {
        *error = 0;
        result = -2;
        goto done;
    }
    status = U_ZERO_ERROR;
    // NFKC may expand a character many times over: try a buffer three times the input, then the size ICU asks for.
    outCapacity = inLength * 3 + 16;
    out = outCapacity <= CICU_STACK_UNITS ? stackOut : malloc(sizeof(UChar) * (size_t)outCapacity);
    if (out == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; goto done; }
    outLength = unorm2_normalize(n, in, inLength, out, outCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        if (out != stackOut) free(out);
        outCapacity = outLength + 1;
        out = malloc(sizeof(UChar) * (size_t)outCapacity);
        if (out == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; goto done; }
        status = U_ZERO_ERROR;
        outLength = unorm2_normalize(n, in, inLength, out, outCapacity, &status);
    }
    if (U_FAILURE(status)) { *error = status; goto done; }
    u_strToUTF8(dest, destCapacity, &length, out, outLength, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) {
        *error = 0;
        result = length;
    } else {
        *error = status;
    }
done:
    if (in != stackIn) free(in);
    if (out != NULL && out != stackOut) free(out);
    return result;
}

int32_t cicu_sentence_boundaries(const char *locale, const uint16_t *text, int32_t length, int32_t *boundaries,
                                 int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_SENTENCE, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) boundaries[count] = b;
        count++;
    }
    ubrk_close(it);
    *error = 0;
    return count;
}

void cicu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

const char *cicu_error_name(int32_t error) { return u_errorName((UErrorCode)error); }

int32_t cicu_convert_to_utf8(const char *charset, const char *src, int32_t srcLength, char *dest, int32_t destCapacity,
                             int32_t *error, int32_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    // No charset gives more UTF-16 units than twice its bytes.
    int32_t capacity = srcLength * 2 + 16;
    UChar *utf16 = malloc(sizeof(UChar) * (size_t)capacity);
    if (utf16 == NULL) { ucnv_close(converter); *error = U_MEMORY_ALLOCATION_ERROR; return -1; }
    UChar *target = utf16;
    const char *source = src;
    ucnv_toUnicode(converter, &target, utf16 + capacity, &source, src + srcLength, NULL, 1, &status);
    ucnv_close(converter);
    if (U_FAILURE(status)) {
        *error = status;
        *errorOffset = (int32_t)(source - src);
        free(utf16);
        return -1;
    }
    int32_t length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(dest, destCapacity, &length, utf16, (int32_t)(target - utf16), &status);
    free(utf16);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) { *error = 0; return length; }
    if (U_FAILURE(status)) { *error = status; return -1; }
    *error = 0;
    return length;
}
