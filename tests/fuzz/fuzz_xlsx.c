/* Fuzz target: the workbook reader. An input that opens as a zip archive is read as it is (the archive's
 * own structure under attack); any other input is the XML of a workbook's parts, separated by lines of
 * "=====" (the worksheet, then its shared strings, styles and workbook), packed into a valid archive here
 * so that the fuzzer's changes reach expat and the cells instead of failing a CRC. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <zip.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char book[] = "<workbook xmlns:r=\"http://r\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" "
                           "r:id=\"rId1\"/></sheets></workbook>";

/* The parts packed as a stored (uncompressed) archive; NULL when libzip fails. */
static char *pack(const char *const *names, const char *const *texts, const size_t *lens, size_t count,
                  size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    char *out = NULL;
    if (!src)
        return NULL;
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (size_t k = 0; za && k < count; k++) {
        zip_source_t *part = zip_source_buffer(za, texts[k], lens[k], 0);
        zip_int64_t index = part ? zip_file_add(za, names[k], part, ZIP_FL_OVERWRITE) : -1;
        if (index < 0)
            zip_source_free(part);
        else
            zip_set_file_compression(za, (zip_uint64_t)index, ZIP_CM_STORE, 0);
    }
    if (za && zip_close(za) == 0 && zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t n = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        out = n > 0 ? malloc((size_t)n) : NULL;
        if (out && zip_source_read(src, out, (zip_uint64_t)n) != n) {
            free(out);
            out = NULL;
        }
        *len = out ? (size_t)n : 0;
        zip_source_close(src);
    } else if (za) {
        zip_discard(za);
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    char *archive = NULL;
    size_t len = size;
    if (size < 2 || memcmp(data, "PK", 2) != 0) {
        const char *names[] = {
            "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
            "xl/workbook.xml",          "_rels/.rels",          "xl/_rels/workbook.xml.rels"};
        const char *texts[] = {"", "<sst/>", "<styleSheet/>", book, rels, book_rels};
        size_t lens[] = {0, 6, 13, sizeof book - 1, sizeof rels - 1, sizeof book_rels - 1};
        size_t k = 0, from = 0;
        for (size_t i = 0; i + 6 <= size && k < 3; i++) {
            if (memcmp(text + i, "\n=====", 6) == 0) {
                texts[k] = text + from;
                lens[k++] = i - from;
                from = i + 6;
            }
        }
        texts[k] = text + from;
        lens[k] = size - from;
        archive = pack(names, texts, lens, 6, &len);
        if (!archive)
            return 0;
        text = archive;
    }
    const ps_plan *plan = fuzz_plan();
    ps_scores scores;
    ps_error err;
    if (ps_scores_load_buffer(text, len, "fuzz.xlsx", plan, &scores, &err) == PS_OK) {
        fuzz_pipeline(plan, &scores, NULL);
        ps_scores_free(&scores);
    } else {
        char message[1024];
        ps_error_format(&err, PS_LANG_EN, message, sizeof message);
    }
    free(archive);
    return 0;
}
