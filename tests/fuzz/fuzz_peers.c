/* Fuzz target: a peers file, ranked against a fixed quarter of scores. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char quarter[] =
        "id,score\n1,48.5\n2,92.5\n3,61.2\n4,86\n5,82.25\n6,50.01\n7,41.3\n8,71\nsipas,80.4\n";
    const ps_plan *plan = fuzz_plan();
    ps_scores scores;
    ps_peers peers;
    ps_error err;
    if (ps_scores_load_buffer(quarter, strlen(quarter), "q.csv", plan, &scores, &err) != PS_OK)
        abort();
    if (ps_peers_load_buffer((const char *)data, size, "fuzz-peers.csv", plan, &peers, &err) == PS_OK) {
        fuzz_pipeline(plan, &scores, &peers);
        ps_peers_free(&peers);
    }
    ps_scores_free(&scores);
    return 0;
}
