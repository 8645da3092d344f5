/* The floor of `parscore rank` (bench/rank.sh): one bare libcsv pass over a CSV file, as parscore reads it
 * (CSV_STRICT | CSV_STRICT_FINI, 64 KiB blocks through fread), with callbacks that only count fields and
 * rows. It keeps nothing, converts nothing and writes nothing but the two counts.
 * usage: csv_floor FILE   (prints "ROWS rows, FIELDS fields"; exits 1 on a CSV or read error, 2 on usage) */
#include <csv.h>
#include <stdio.h>

typedef struct {
    unsigned long long fields;
    unsigned long long rows;
} counts;

static void on_field(void *data, size_t len, void *ctx)
{
    (void)data;
    (void)len;
    ((counts *)ctx)->fields++;
}

static void on_row(int end, void *ctx)
{
    (void)end;
    ((counts *)ctx)->rows++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: csv_floor FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "csv_floor: out of memory\n");
        fclose(f);
        return 1;
    }
    static char block[65536];
    counts c = {0, 0};
    int status = 0;
    size_t n;
    while ((n = fread(block, 1, sizeof block, f)) > 0) {
        if (csv_parse(&parser, block, n, on_field, on_row, &c) != n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            status = 1;
            break;
        }
    }
    if (status == 0 && ferror(f)) {
        perror(argv[1]);
        status = 1;
    }
    if (status == 0 && csv_fini(&parser, on_field, on_row, &c) != 0) {
        fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
        status = 1;
    }
    csv_free(&parser);
    fclose(f);
    if (status == 0)
        printf("%llu rows, %llu fields\n", c.rows, c.fields);
    return status;
}
