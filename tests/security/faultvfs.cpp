/* SPDX-License-Identifier: GPL-3.0-or-later (C-style on purpose: a small, dependency-free preload shim)
 *
 * Test-only SQLite VFS shim for the R3 I/O-fault sweep (reliability.md §6.2). Never linked into a shipped binary:
 * it is a shared library loaded with LD_PRELOAD into tillbridge-cli. Its constructor registers a VFS that wraps the
 * default one and makes it the default, so every connection Qt's QSQLITE driver opens (Debian's driver links the
 * system libsqlite3, the same library instance this shim registers with) goes through it.
 *
 *   TILLBRIDGE_FAULT_VFS=count            count xWrite and xSync calls on main databases, WALs and journals
 *   TILLBRIDGE_FAULT_VFS=write:N          the N-th xWrite returns SQLITE_IOERR_WRITE (nothing is written)
 *   TILLBRIDGE_FAULT_VFS=full:N           the N-th xWrite returns SQLITE_FULL (nothing is written)
 *   TILLBRIDGE_FAULT_VFS=fsync:N          the N-th xSync returns SQLITE_IOERR_FSYNC (the data stays unsynced)
 *   TILLBRIDGE_FAULT_VFS_PATH=/dir/cache  only files whose path starts with this are counted and failed
 *   TILLBRIDGE_FAULT_VFS_REPORT=file      at exit, writes "writes=W syncs=S fired=0|1 fired_in=C fired_at=NAME"
 *                                         there; C is "write", "commit-sync" (the file had unsynced writes) or
 *                                         "sync-without-writes" (a checkpoint's sync of the WAL: no commit waits on it)
 *
 * One fault per process, like SQLite's own ioerr.test with persistence off: the operation fails once and later
 * operations succeed, so the sweep shows whether the application notices, rolls back and carries on correctly.
 */
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct FaultFile
{
    sqlite3_file base; /* must be first */
    int watched;       /* path matches TILLBRIDGE_FAULT_VFS_PATH */
    long unsynced;     /* writes since this file's last sync: a WAL sync with none is a checkpoint's, not a commit's */
    char name[512];
    sqlite3_file *real; /* the wrapped file, allocated right after this struct */
} FaultFile;

static sqlite3_vfs g_vfs;
static sqlite3_vfs *g_real;
static sqlite3_io_methods g_methods;
static const char *g_prefix;
static enum { MODE_OFF, MODE_COUNT, MODE_WRITE, MODE_FULL, MODE_FSYNC } g_mode = MODE_OFF;
static long g_target;
static long g_writes;
static long g_syncs;
static int g_fired;
static char g_firedAt[512];
static const char *g_firedIn = "";

static void report(void)
{
    const char *path = getenv("TILLBRIDGE_FAULT_VFS_REPORT");
    if (!path)
        return;
    FILE *out = fopen(path, "w");
    if (!out)
        return;
    fprintf(out, "writes=%ld syncs=%ld fired=%d fired_in=%s fired_at=%s\n", g_writes, g_syncs, g_fired, g_firedIn,
            g_firedAt);
    fclose(out);
}

static int fire(FaultFile *file, const char *context)
{
    g_fired = 1;
    g_firedIn = context;
    snprintf(g_firedAt, sizeof g_firedAt, "%s", file->name);
    report(); /* now: a process that then crashes or is killed still tells what happened */
    return 1;
}

static int xClose(sqlite3_file *f)
{
    FaultFile *file = (FaultFile *)f;
    int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    return rc;
}

static int xRead(sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xRead(file->real, buf, amount, offset);
}

static int xWrite(sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
    FaultFile *file = (FaultFile *)f;
    if (file->watched) {
        ++g_writes;
        ++file->unsynced;
        if (!g_fired && (g_mode == MODE_WRITE || g_mode == MODE_FULL) && g_writes == g_target
            && fire(file, "write"))
            return g_mode == MODE_WRITE ? SQLITE_IOERR_WRITE : SQLITE_FULL;
    }
    return file->real->pMethods->xWrite(file->real, buf, amount, offset);
}

static int xTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xTruncate(file->real, size);
}

static int xSync(sqlite3_file *f, int flags)
{
    FaultFile *file = (FaultFile *)f;
    if (file->watched) {
        ++g_syncs;
        const long unsynced = file->unsynced;
        file->unsynced = 0;
        if (!g_fired && g_mode == MODE_FSYNC && g_syncs == g_target
            && fire(file, unsynced > 0 ? "commit-sync" : "sync-without-writes"))
            return SQLITE_IOERR_FSYNC;
    }
    return file->real->pMethods->xSync(file->real, flags);
}

static int xFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xFileSize(file->real, size);
}

static int xLock(sqlite3_file *f, int level)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xLock(file->real, level);
}

static int xUnlock(sqlite3_file *f, int level)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xUnlock(file->real, level);
}

static int xCheckReservedLock(sqlite3_file *f, int *out)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xCheckReservedLock(file->real, out);
}

static int xFileControl(sqlite3_file *f, int op, void *arg)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xFileControl(file->real, op, arg);
}

static int xSectorSize(sqlite3_file *f)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xSectorSize(file->real);
}

static int xDeviceCharacteristics(sqlite3_file *f)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xDeviceCharacteristics(file->real);
}

static int xShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xShmMap(file->real, page, size, extend, out);
}

static int xShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xShmLock(file->real, offset, n, flags);
}

static void xShmBarrier(sqlite3_file *f)
{
    FaultFile *file = (FaultFile *)f;
    file->real->pMethods->xShmBarrier(file->real);
}

static int xShmUnmap(sqlite3_file *f, int deleteFlag)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

static int xFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xFetch(file->real, offset, amount, out);
}

static int xUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *p)
{
    FaultFile *file = (FaultFile *)f;
    return file->real->pMethods->xUnfetch(file->real, offset, p);
}

static int xOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags)
{
    (void)vfs;
    FaultFile *file = (FaultFile *)f;
    memset(file, 0, sizeof *file);
    file->real = (sqlite3_file *)(file + 1);
    int rc = g_real->xOpen(g_real, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        file->base.pMethods = NULL;
        return rc;
    }
    const int kinds = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL;
    snprintf(file->name, sizeof file->name, "%s", name ? name : "");
    file->watched = name && (flags & kinds) && (!g_prefix || strncmp(name, g_prefix, strlen(g_prefix)) == 0);
    file->base.pMethods = &g_methods;
    return SQLITE_OK;
}

/* Everything else is the default VFS's own. */
static int xDelete(sqlite3_vfs *v, const char *n, int s) { (void)v; return g_real->xDelete(g_real, n, s); }
static int xAccess(sqlite3_vfs *v, const char *n, int f, int *o) { (void)v; return g_real->xAccess(g_real, n, f, o); }
static int xFullPathname(sqlite3_vfs *v, const char *n, int size, char *out)
{
    (void)v;
    return g_real->xFullPathname(g_real, n, size, out);
}
static void *xDlOpen(sqlite3_vfs *v, const char *n) { (void)v; return g_real->xDlOpen(g_real, n); }
static void xDlError(sqlite3_vfs *v, int n, char *m) { (void)v; g_real->xDlError(g_real, n, m); }
static void (*xDlSym(sqlite3_vfs *v, void *h, const char *s))(void) { (void)v; return g_real->xDlSym(g_real, h, s); }
static void xDlClose(sqlite3_vfs *v, void *h) { (void)v; g_real->xDlClose(g_real, h); }
static int xRandomness(sqlite3_vfs *v, int n, char *out) { (void)v; return g_real->xRandomness(g_real, n, out); }
static int xSleep(sqlite3_vfs *v, int us) { (void)v; return g_real->xSleep(g_real, us); }
static int xCurrentTime(sqlite3_vfs *v, double *t) { (void)v; return g_real->xCurrentTime(g_real, t); }
static int xGetLastError(sqlite3_vfs *v, int n, char *m) { (void)v; return g_real->xGetLastError(g_real, n, m); }
static int xCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *t)
{
    (void)v;
    return g_real->xCurrentTimeInt64(g_real, t);
}

__attribute__((constructor)) static void registerFaultVfs(void)
{
    const char *spec = getenv("TILLBRIDGE_FAULT_VFS");
    if (!spec || !*spec)
        return;
    if (strcmp(spec, "count") == 0) {
        g_mode = MODE_COUNT;
    } else {
        const char *colon = strchr(spec, ':');
        if (!colon)
            return;
        g_target = strtol(colon + 1, NULL, 10);
        if (strncmp(spec, "write:", 6) == 0)
            g_mode = MODE_WRITE;
        else if (strncmp(spec, "full:", 5) == 0)
            g_mode = MODE_FULL;
        else if (strncmp(spec, "fsync:", 6) == 0)
            g_mode = MODE_FSYNC;
        else
            return;
    }
    g_prefix = getenv("TILLBRIDGE_FAULT_VFS_PATH");
    g_real = sqlite3_vfs_find(NULL);
    if (!g_real)
        return;
    g_methods.iVersion = 3;
    g_methods.xClose = xClose;
    g_methods.xRead = xRead;
    g_methods.xWrite = xWrite;
    g_methods.xTruncate = xTruncate;
    g_methods.xSync = xSync;
    g_methods.xFileSize = xFileSize;
    g_methods.xLock = xLock;
    g_methods.xUnlock = xUnlock;
    g_methods.xCheckReservedLock = xCheckReservedLock;
    g_methods.xFileControl = xFileControl;
    g_methods.xSectorSize = xSectorSize;
    g_methods.xDeviceCharacteristics = xDeviceCharacteristics;
    g_methods.xShmMap = xShmMap;
    g_methods.xShmLock = xShmLock;
    g_methods.xShmBarrier = xShmBarrier;
    g_methods.xShmUnmap = xShmUnmap;
    g_methods.xFetch = xFetch;
    g_methods.xUnfetch = xUnfetch;

    g_vfs = *g_real;
    g_vfs.iVersion = 3;
    g_vfs.szOsFile = (int)sizeof(FaultFile) + g_real->szOsFile;
    g_vfs.zName = "tillbridge-fault";
    g_vfs.pAppData = NULL;
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = xDelete;
    g_vfs.xAccess = xAccess;
    g_vfs.xFullPathname = xFullPathname;
    g_vfs.xDlOpen = xDlOpen;
    g_vfs.xDlError = xDlError;
    g_vfs.xDlSym = xDlSym;
    g_vfs.xDlClose = xDlClose;
    g_vfs.xRandomness = xRandomness;
    g_vfs.xSleep = xSleep;
    g_vfs.xCurrentTime = xCurrentTime;
    g_vfs.xGetLastError = xGetLastError;
    g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
    g_vfs.xSetSystemCall = NULL;
    g_vfs.xGetSystemCall = NULL;
    g_vfs.xNextSystemCall = NULL;
    if (sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK) {
        atexit(report);
        report();
    }
}
