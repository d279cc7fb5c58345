/*
 * wirewatch_bm25: FTS5's BM25 ranking, the same scores as FTS5's built-in bm25(), computed with
 * less work per query. Wirewatch's own code, loaded into each archive connection as an SQLite
 * extension (README.md, "The ranking extension"); without it Wirewatch ranks with bm25() itself.
 *
 *   wirewatch_bm25(search_fts, doc_counts, w0, w1, ...)
 *
 * doc_counts: the number of rows holding each phrase of the query, in the order of the MATCH
 * expression, as decimal numbers separated by spaces ("1742 5012"), or NULL. The weights are
 * bm25()'s: one per column, 1.0 for columns without one.
 *
 * Two things make it cheaper than bm25(), and neither changes a score:
 *  - Inverse document frequencies: bm25() counts each phrase's rows by running the phrase as a
 *    query of its own (xQueryPhrase) at the first row of every query, a walk over the phrase's
 *    whole posting list. Here the caller passes those counts (Wirewatch keeps them between
 *    queries while the index is unchanged). Counts missing, or not one per phrase: counted as
 *    bm25() counts them.
 *  - The row's length in tokens: bm25() asks xColumnSize, which runs an SQL statement per row
 *    against the table's docsize table. Here the docsize record is read through one incremental
 *    blob handle per query, moved from row to row (sqlite3_blob_reopen). Should that fail, the
 *    row's length is asked of xColumnSize.
 *
 * The arithmetic is bm25()'s own (https://sqlite.org/fts5.html#the_bm25_function), in the same
 * order, so the scores are equal to the last bit (tests/search-rank-extension.test.ts checks it).
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The docsize table of Wirewatch's index (search_fts): one record of column sizes per row. */
#define DOCSIZE_TABLE "search_fts_docsize"

/* What one query keeps between its rows (FTS5 auxiliary data, freed when the query ends). */
typedef struct RankData {
  int nPhrase;
  double avgdl;          /* mean row length in tokens, over every column */
  double *aIDF;          /* inverse document frequency of each phrase */
  double *aFreq;         /* scratch: weighted frequency of each phrase in the current row */
  sqlite3_blob *pDocsize; /* the docsize record of the current row, or NULL */
  int docsizeFailed;     /* the blob could not be opened: ask xColumnSize */
} RankData;

static void rankDataFree(void *p) {
  RankData *d = (RankData *)p;
  if (d->pDocsize) sqlite3_blob_close(d->pDocsize);
  sqlite3_free(d);
}

static int countRow(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData) {
  (void)pApi;
  (void)pFts;
  (*(sqlite3_int64 *)pUserData)++;
  return SQLITE_OK;
}

/*
 * Parses up to n decimal counts separated by spaces into aOut. Returns 1 when the text holds
 * exactly n counts and nothing else.
 */
static int parseCounts(const unsigned char *z, int n, sqlite3_int64 *aOut) {
  int i = 0;
  if (!z) return 0;
  for (;;) {
    while (*z == ' ') z++;
    if (*z == 0) break;
    if (i == n || *z < '0' || *z > '9') return 0;
    sqlite3_int64 v = 0;
    while (*z >= '0' && *z <= '9') {
      v = v * 10 + (*z - '0');
      z++;
    }
    aOut[i++] = v;
  }
  return i == n;
}

/* The query's statistics, worked out at its first row. */
static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_value *pCounts, RankData **ppOut) {
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  if (p) {
    *ppOut = p;
    return SQLITE_OK;
  }
  int nPhrase = pApi->xPhraseCount(pFts);
  sqlite3_int64 nByte = sizeof(RankData) + sizeof(double) * nPhrase * 2 + sizeof(sqlite3_int64) * nPhrase;
  p = (RankData *)sqlite3_malloc64(nByte);
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, nByte);
  p->nPhrase = nPhrase;
  p->aIDF = (double *)&p[1];
  p->aFreq = &p->aIDF[nPhrase];
  sqlite3_int64 *aHits = (sqlite3_int64 *)&p->aFreq[nPhrase];

  sqlite3_int64 nRow = 0, nToken = 0;
  int rc = pApi->xRowCount(pFts, &nRow);
  if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
  if (rc == SQLITE_OK) p->avgdl = (double)nToken / (double)nRow;

  int given = sqlite3_value_type(pCounts) == SQLITE_TEXT && parseCounts(sqlite3_value_text(pCounts), nPhrase, aHits);
  for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
    sqlite3_int64 nHit = 0;
    if (given) nHit = aHits[i];
    else rc = pApi->xQueryPhrase(pFts, i, (void *)&nHit, countRow);
    if (rc == SQLITE_OK) {
      /* bm25()'s: the IDF of a phrase in more than half the rows would be negative */
      double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      p->aIDF[i] = idf;
    }
  }
  if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, rankDataFree);
  else sqlite3_free(p);
  if (rc == SQLITE_OK) *ppOut = p;
  return rc;
}

/* The sum of a docsize record's varints (one token count per column), or -1 if malformed. */
static int sumVarints(const unsigned char *a, int n) {
  int total = 0, i = 0;
  while (i < n) {
    unsigned int v = 0;
    int len = 0;
    for (;;) {
      if (i >= n || len == 5) return -1;
      unsigned char c = a[i++];
      len++;
      v = (v << 7) | (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    total += (int)v;
  }
  return total;
}

/* The current row's length in tokens over every column, as xColumnSize(-1) gives it. */
static int rowLength(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, RankData *p, double *pD) {
  if (!p->docsizeFailed) {
    sqlite3_int64 id = pApi->xRowid(pFts);
    int rc = p->pDocsize ? sqlite3_blob_reopen(p->pDocsize, id)
                         : sqlite3_blob_open(sqlite3_context_db_handle(pCtx), "main", DOCSIZE_TABLE, "sz", id, 0, &p->pDocsize);
    if (rc == SQLITE_OK) {
      unsigned char a[64];
      int n = sqlite3_blob_bytes(p->pDocsize);
      int total = (n > 0 && n <= (int)sizeof(a) && sqlite3_blob_read(p->pDocsize, a, n, 0) == SQLITE_OK) ? sumVarints(a, n) : -1;
      if (total >= 0) {
        *pD = (double)total;
        return SQLITE_OK;
      }
    } else if (p->pDocsize) {
      /* a handle that failed to move is of no further use */
      sqlite3_blob_close(p->pDocsize);
      p->pDocsize = 0;
    } else {
      p->docsizeFailed = 1;
    }
  }
  int nTok = 0;
  int rc = pApi->xColumnSize(pFts, -1, &nTok);
  *pD = (double)nTok;
  return rc;
}

static void wirewatchBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2;
  const double b = 0.75;
  RankData *pData = 0;
  double D = 0.0;
  double score = 0.0;
  int nInst = 0;
  if (nVal < 1) {
    sqlite3_result_error(pCtx, "wirewatch_bm25: the phrase counts argument is missing", -1);
    return;
  }
  /* the column weights follow the counts */
  sqlite3_value **apWeight = &apVal[1];
  int nWeight = nVal - 1;

  int rc = rankData(pApi, pFts, apVal[0], &pData);
  if (rc == SQLITE_OK) {
    memset(pData->aFreq, 0, sizeof(double) * pData->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) {
      double w = (nWeight > ic) ? sqlite3_value_double(apWeight[ic]) : 1.0;
      pData->aFreq[ip] += w;
    }
  }
  if (rc == SQLITE_OK) rc = rowLength(pApi, pFts, pCtx, pData, &D);
  if (rc == SQLITE_OK) {
    for (int i = 0; i < pData->nPhrase; i++) {
      score += (pData->aIDF[i] * ((pData->aFreq[i] * (k1 + 1.0)) / (pData->aFreq[i] + k1 * (1 - b + b * D / pData->avgdl))));
    }
    sqlite3_result_double(pCtx, -1.0 * score);
  } else {
    sqlite3_result_error_code(pCtx, rc);
  }
}

/* FTS5's API of a connection (https://sqlite.org/fts5.html#extending_fts5). */
static fts5_api *fts5ApiOf(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_wirewatchrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  fts5_api *fts5 = fts5ApiOf(db);
  if (!fts5 || fts5->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("wirewatch_rank: this SQLite has no FTS5 (version 2 or later)");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "wirewatch_bm25", 0, wirewatchBm25, 0);
}
