import { describe, expect, it } from 'vitest';
import { BatchedRows } from '../../../src/rows/batched-rows.js';
import type { Row } from '../../../src/rows/row.js';

const row = (id: number): Row => ({ id: String(id) });

describe('BatchedRows', () => {
  it('hands out the rows of every batch in order, skipping empty batches, and opens on the first next()', async () => {
    let opened = 0;
    async function* batches() {
      yield [row(1), row(2)];
      yield [];
      yield [row(3)];
    }
    const rows = new BatchedRows(async () => {
      opened++;
      return batches();
    });
    expect(opened).toBe(0);
    const seen: Row[] = [];
    for await (const r of rows) seen.push(r);
    expect(seen).toEqual([row(1), row(2), row(3)]);
    expect(opened).toBe(1);
    expect(await rows.next()).toEqual({ done: true, value: undefined });
  });

  it('closes the batch source on break', async () => {
    const events: string[] = [];
    async function* batches() {
      try {
        yield [row(1), row(2)];
        yield [row(3)];
      } finally {
        events.push('closed');
      }
    }
    for await (const r of new BatchedRows(async () => batches())) {
      events.push(r.id as string);
      break;
    }
    expect(events).toEqual(['1', 'closed']);
  });

  it('passes on an error of the source after the rows before it, then is done', async () => {
    async function* batches(): AsyncGenerator<Row[]> {
      yield [row(1)];
      throw new SyntaxError('broken');
    }
    const rows = new BatchedRows(async () => batches());
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const r of rows) seen.push(r.id as string);
      })(),
    ).rejects.toThrow('broken');
    expect(seen).toEqual(['1']);
    expect(await rows.next()).toEqual({ done: true, value: undefined });
  });

  it('answers next() calls made before the previous one settled, in order', async () => {
    async function* batches() {
      yield [row(1)];
      yield [row(2), row(3)];
    }
    const rows = new BatchedRows(async () => batches());
    const results = await Promise.all([rows.next(), rows.next(), rows.next(), rows.next()]);
    expect(results.map((r) => (r.done ? 'done' : r.value.id))).toEqual(['1', '2', '3', 'done']);
  });
});
