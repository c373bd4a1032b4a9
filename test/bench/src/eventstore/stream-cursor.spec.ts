import { describe, expect, it } from 'vitest';
import { StreamCursor } from './stream-cursor.js';

describe('StreamCursor', () => {
  it('expects the versions it appended, then moves to a new stream when one is full', () => {
    const cursor = new StreamCursor('device-w0s', 3);
    const seen: string[] = [];
    for (let append = 0; append < 4; append += 1) {
      const { streamId, expectedVersion } = cursor.next(1);
      seen.push(`${streamId}@${expectedVersion}`);
      cursor.appended(1);
    }
    expect(seen).toEqual(['device-w0s0@0', 'device-w0s0@1', 'device-w0s0@2', 'device-w0s1@0']);
  });

  it('puts a batch larger than a stream on a fresh stream of its own', () => {
    const cursor = new StreamCursor('device-b', 20);
    expect(cursor.next(100)).toEqual({ streamId: 'device-b0', expectedVersion: 0 });
    cursor.appended(100);
    expect(cursor.next(100)).toEqual({ streamId: 'device-b1', expectedVersion: 0 });
  });

  it('continues on a new stream after a failed append', () => {
    const cursor = new StreamCursor('device-f', 10);
    cursor.next(1);
    cursor.appended(1);
    cursor.failed();
    expect(cursor.next(1)).toEqual({ streamId: 'device-f1', expectedVersion: 0 });
  });
});
