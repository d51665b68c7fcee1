/*
 * The floor under a durable delivery claim: what SQLite itself costs, in C with prepared
 * statements and nothing around it, to commit claims shaped like chatops' (the `deliveries` table
 * of Sources/RequestStore/StoreSchema.swift: its key, the age index, a 250-byte stored command)
 * in WAL mode with synchronous=NORMAL (chatops' settings). Each transaction commits `batch` claims;
 * the CPU time per claim is what any server recording deliveries this way pays at least.
 *
 * usage: sqlite-floor DB_PATH BATCH CLAIMS   (DB_PATH is created afresh; use a real disk)
 * prints: sqlite_floor.batchB_cpu_us_per_claim=X and sqlite_floor.batchB_wall_us_per_claim=Y
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "sqlite-floor: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static void step(sqlite3_stmt *statement, sqlite3 *db, const char *what) {
    check(sqlite3_step(statement), db, what);
    sqlite3_reset(statement);
}

int main(int argc, char **argv) {
    if (argc != 4 || atoi(argv[2]) < 1 || atoi(argv[3]) < 1) {
        fprintf(stderr, "usage: sqlite-floor DB_PATH BATCH CLAIMS\n");
        return 2;
    }
    const char *path = argv[1];
    int batch = atoi(argv[2]), claims = atoi(argv[3]);
    char sidecar[4096];
    remove(path);
    snprintf(sidecar, sizeof sidecar, "%s-wal", path);
    remove(sidecar);
    snprintf(sidecar, sizeof sidecar, "%s-shm", path);
    remove(sidecar);

    sqlite3 *db;
    check(sqlite3_open(path, &db), db, "open");
    check(sqlite3_exec(db,
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 4096;"
        "CREATE TABLE deliveries (platform TEXT NOT NULL, delivery_id TEXT NOT NULL, received_at INTEGER NOT NULL,"
        " reply TEXT, work BLOB, PRIMARY KEY (platform, delivery_id));"
        "CREATE INDEX deliveries_by_age ON deliveries(received_at);", NULL, NULL, NULL), db, "schema");

    sqlite3_stmt *begin, *insert, *commit;
    check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL), db, "prepare begin");
    check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL), db, "prepare commit");
    check(sqlite3_prepare_v2(db,
        "INSERT INTO deliveries (platform, delivery_id, received_at, work) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (platform, delivery_id) DO NOTHING", -1, &insert, NULL), db, "prepare insert");

    unsigned char work[250];
    memset(work, 'w', sizeof work);
    char id[64];
    unsigned long long seed = 88172645463325252ULL;
    double wall = seconds(CLOCK_MONOTONIC), cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (int done = 0; done < claims;) {
        step(begin, db, "begin");
        for (int i = 0; i < batch && done < claims; i++, done++) {
            /* Slack's trigger ids are unique and unordered: the key's index takes them anywhere. */
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
            snprintf(id, sizeof id, "%d.%llu.%016llx", 1000000 + done, seed % 1000000000ULL, seed);
            sqlite3_bind_text(insert, 1, "slack", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 2, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert, 3, 1764000000000LL + done);
            sqlite3_bind_blob(insert, 4, work, sizeof work, SQLITE_STATIC);
            step(insert, db, "insert");
        }
        step(commit, db, "commit");
    }
    wall = seconds(CLOCK_MONOTONIC) - wall;
    cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    printf("sqlite_floor.batch%d_cpu_us_per_claim=%.1f\n", batch, cpu * 1e6 / claims);
    printf("sqlite_floor.batch%d_wall_us_per_claim=%.1f\n", batch, wall * 1e6 / claims);
    sqlite3_finalize(begin);
    sqlite3_finalize(insert);
    sqlite3_finalize(commit);
    sqlite3_close(db);
    return 0;
}
