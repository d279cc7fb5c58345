/**
 * A summary counted on the workbench thread waits for the page of its query (PageFirst), so
 * that the hits are not held back by the count; the order itself is checked end to end in
 * summary-thread.test.ts. These check the waiting: never longer than needed.
 */
import { describe, expect, it } from 'vitest';
import { PageFirst } from '../src/main/page-first';

/** Resolves with 'settled' if `p` settles within a few turns of the event loop, else 'pending'. */
async function settlesSoon(p: Promise<void>): Promise<'settled' | 'pending'> {
  let settled = false;
  void p.then(() => (settled = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  return settled ? 'settled' : 'pending';
}

describe('a summary waiting for the page of its query', () => {
  it('goes on as soon as that page is answered', async () => {
    const order = new PageFirst(60_000);
    const page = order.expect('oil');
    const waiting = page.answered();
    expect(await settlesSoon(waiting)).toBe('pending');
    order.pageAnswered('oil');
    expect(await settlesSoon(waiting)).toBe('settled');
  });

  it('does not wait when the page was answered while the summary was asked of the summary thread', async () => {
    // A misspelt word: the thread finds nothing as written, the page is already out, and the
    // summary is then counted here; it must not wait for a page that came before.
    const order = new PageFirst(60_000);
    const page = order.expect('oill');
    order.pageAnswered('oill');
    await new Promise((r) => setImmediate(r));
    expect(await settlesSoon(page.answered())).toBe('settled');
  });

  it("is not released by another query's page, and goes on by itself when no page comes", async () => {
    const order = new PageFirst(50);
    const waiting = order.expect('oil').answered();
    order.pageAnswered('gas');
    expect(await settlesSoon(waiting)).toBe('pending');
    await waiting; // after 50 ms
  });
});
